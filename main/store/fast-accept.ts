/**
 * Accepting a valid file quickly, for reads in bulk: an export reads every layer of a
 * project, and checking a million spans with zod took a third of its time, mostly in
 * copying every object it checks.
 *
 * zod stays the one definition of each format. Its JSON Schema is compiled with ajv,
 * which checks the parsed JSON in place; the rules JSON Schema cannot state are the same
 * plain functions zod's refinements call. An acceptor only ever answers "valid as it
 * is" (filling in defaults, as zod would); whatever it turns down goes on to zod, whose
 * messages name the problem. tests/unit/main/fast-accept.test.ts holds the two to the
 * same verdicts on generated and mutated files.
 *
 * ajv compiles to JavaScript with `new Function`, which is why this lives in main/: the
 * renderer's CSP forbids it, and the renderer never reads files in bulk.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { z } from 'zod';
import { AnnotationLayer, layerRulesHold } from '../../shared/model/annotations.js';
import { CorpusLayer } from '../../shared/model/corpus.js';

/** True when `data` is valid as it is (defaults filled in place); false means "ask zod". */
export type Acceptor = (data: unknown) => boolean;

export function compileAcceptor<S extends z.ZodType>(schema: S, rulesHold: (value: z.output<S>) => boolean): Acceptor {
  let validate: ValidateFunction | undefined;
  return (data) => {
    // Compiled on first use, not at startup: most sessions never read in bulk.
    validate ??= new Ajv({
      // Both count string lengths in code points; zod compiles patterns without the `u`
      // flag, so ajv must too.
      unicodeRegExp: false,
      useDefaults: true,
      // Timestamps are checked by the pattern zod writes beside `format: date-time`.
      validateFormats: false,
    }).compile(z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }));
    return validate(data) && rulesHold(data as z.output<S>);
  };
}

export const acceptAnnotationLayer: Acceptor = compileAcceptor(AnnotationLayer, layerRulesHold);

/** A layer inside a corpus export (the layer file less format, version and document). */
export const acceptCorpusLayer: Acceptor = compileAcceptor(CorpusLayer, layerRulesHold);
