/**
 * brat's annotation.conf, to and from Factmark's label schema. Entity types are labels,
 * relation types are relation types, and attributes become enum attributes (with
 * `Value:a|b`) or boolean ones (without) on the labels they apply to. Event types become
 * labels for their triggers; the events themselves have nothing to map to, and are
 * listed so an import can say so.
 *
 * The format: https://brat.nlplab.org/configuration.html
 */
import type { AttributeDef, LabelDef, RelationRule, RelationTypeDef } from '../../model/labels.js';
import { withNewLabels } from '../../model/new-labels.js';

export interface BratConf {
  entities: string[];
  relations: { type: string; from: string[]; to: string[] }[];
  attributes: { name: string; labels: string[]; values: string[] | null }[];
  events: string[];
}

/** annotation.conf for a label schema: every label an entity type. */
export function writeAnnotationConf(labels: readonly LabelDef[], relationTypes: readonly RelationTypeDef[]): string {
  const attributes = new Map<string, { labels: string[]; values: string[] | null }>();
  for (const label of labels) {
    for (const attribute of label.attributes) {
      // brat attributes are flags or value lists; free text, dates and references are
      // written as A lines all the same, but annotation.conf cannot declare them.
      if (attribute.type !== 'enum' && attribute.type !== 'boolean') continue;
      const known = attributes.get(attribute.id) ?? { labels: [], values: attribute.type === 'enum' ? [] : null };
      known.labels.push(label.id);
      if (attribute.type === 'enum' && known.values) known.values = [...new Set([...known.values, ...attribute.values])];
      attributes.set(attribute.id, known);
    }
  }
  return [
    '# Written by Factmark from the project\'s label schema.',
    '',
    '[entities]',
    '',
    ...labels.map((label) => label.id),
    '',
    '[relations]',
    '',
    // One line per rule, as the conf it came from had them (brat repeats a type's name
    // for each pair of argument lists).
    ...relationTypes.flatMap((type) => (type.rules ?? [type]).map((rule) => `${type.id}\tArg1:${rule.from.join('|')}, Arg2:${rule.to.join('|')}`)),
    '',
    '[events]',
    '',
    '[attributes]',
    '',
    ...[...attributes].map(([name, { labels: on, values }]) => `${name}\tArg:${on.join('|')}${values ? `, Value:${values.join('|')}` : ''}`),
    '',
  ].join('\n');
}

const SECTIONS = ['entities', 'relations', 'events', 'attributes'] as const;
type Section = (typeof SECTIONS)[number];

/** brat's own macros: what `<ENTITY>`, `<EVENT>` and `<ANY>` stand for in argument lists. */
function builtInMacro(name: string, conf: BratConf): string[] | null {
  if (name === '<ENTITY>') return conf.entities;
  if (name === '<EVENT>') return conf.events;
  if (name === '<ANY>') return [...conf.entities, ...conf.events];
  // Relations and attributes on relations have no labels to stand for here.
  if (name === '<RELATION>') return [];
  return null;
}

/**
 * Reads annotation.conf; lines it cannot read are returned with their number. Macros —
 * brat's own (`<ANY>`, `<ENTITY>`, `<EVENT>`, `<RELATION>`) and those the file defines
 * (`<GGP>=Protein|Gene`) — are expanded in argument lists.
 */
export function parseAnnotationConf(text: string): { conf: BratConf; problems: { line: number; reason: string }[] } {
  const conf: BratConf = { entities: [], relations: [], attributes: [], events: [] };
  const problems: { line: number; reason: string }[] = [];
  const macros = new Map<string, string[]>();
  const pending: { line: number; section: 'relations' | 'attributes'; name: string; roles: Map<string, string[]> }[] = [];
  // Types nest by indentation; a type named in an argument list stands for the types
  // under it too, as in brat.
  const children = new Map<string, string[]>();
  let parents: { depth: number; name: string }[] = [];
  let section: Section | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const depth = /^\s*/.exec(raw)?.[0].replace(/ {4}|\t/g, '\t').length ?? 0;
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^-+$/.test(line)) return;
    const macro = /^(<[^>\s]+>)\s*=\s*(.+)$/.exec(line);
    if (macro) {
      macros.set(macro[1] as string, (macro[2] as string).split('|').map((value) => value.trim()).filter(Boolean));
      return;
    }
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = SECTIONS.find((name) => name === header[1]) ?? null;
      if (!section) problems.push({ line: i + 1, reason: `unknown section [${header[1]}]` });
      return;
    }
    if (!section) return problems.push({ line: i + 1, reason: 'a definition before any [section]' });
    // Nesting is by indentation; "!" marks a type that only groups others; "|" gives
    // alternative names (the first is the type).
    const [, head = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const name = head.split('|')[0]?.replace(/^!/, '') ?? '';
    if (section === 'entities' || section === 'events') {
      parents = parents.filter((parent) => parent.depth < depth);
      const parent = parents[parents.length - 1];
      if (parent && name) children.set(parent.name, [...(children.get(parent.name) ?? []), name]);
      parents.push({ depth, name });
    }
    if (head.startsWith('!') || name === '' || name.startsWith('<')) return;
    if (section === 'entities') conf.entities.push(name);
    else if (section === 'events') conf.events.push(name);
    // Arguments wait for the whole file: a macro may stand for types listed further on.
    else pending.push({ line: i + 1, section, name, roles: parseArguments(args) });
  });
  const withChildren = (name: string): string[] => [name, ...(children.get(name) ?? []).flatMap(withChildren)];
  const declared = new Set([...conf.entities, ...conf.events]);
  const expand = (values: readonly string[], seen = new Set<string>()): string[] =>
    [...new Set(values.flatMap((value) => {
      // A grouping type ("!Organism") is no label: it stands for the types under it.
      if (!value.startsWith('<')) return withChildren(value).filter((name) => declared.has(name) || !children.has(name));
      const defined = macros.get(value);
      if (defined && !seen.has(value)) return expand(defined, new Set([...seen, value]));
      return builtInMacro(value, conf) ?? [];
    }))];
  for (const { line, section: kind, name, roles } of pending) {
    if (kind === 'relations') {
      const [from, to] = [...roles.entries()].filter(([role]) => !role.startsWith('<'));
      if (!from || !to) problems.push({ line, reason: `relation "${name}" needs two arguments` });
      else {
        const fromTypes = expand(from[1]);
        const toTypes = expand(to[1]);
        // A type the file never declares would make the schema name a label it lacks.
        const unknown = [...fromTypes, ...toTypes].filter((type) => !declared.has(type));
        if (unknown.length) problems.push({ line, reason: `relation "${name}" names types that [entities] and [events] do not declare: ${[...new Set(unknown)].join(', ')}` });
        const [known, knownTo] = [fromTypes, toTypes].map((types) => types.filter((type) => declared.has(type))) as [string[], string[]];
        if (known.length && knownTo.length) conf.relations.push({ type: name, from: known, to: knownTo });
        else if (!unknown.length) problems.push({ line, reason: `relation "${name}": its arguments name no entity or event type` });
      }
    } else {
      conf.attributes.push({ name, labels: expand(roles.get('Arg') ?? []).filter((type) => declared.has(type)), values: roles.get('Value') ?? null });
    }
  }
  return { conf, problems: problems.sort((a, b) => a.line - b.line) };
}

/** "Arg1:Protein|Entity, Arg2:Protein" → Arg1 → [Protein, Entity], Arg2 → [Protein]. */
function parseArguments(args: string): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  for (const part of args.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const role = part.slice(0, colon).trim().replace(/[?*+{].*$/, '');
    roles.set(role, part.slice(colon + 1).split('|').map((value) => value.trim()).filter(Boolean));
  }
  return roles;
}

/** The id of the label named `name` regardless of case, or `name` when there is none. */
function labelIdFor(name: string, labels: readonly LabelDef[]): string {
  return labels.find((label) => label.id === name)?.id ?? labels.find((label) => label.id.toLowerCase() === name.toLowerCase())?.id ?? name;
}

/**
 * The schema with what annotation.conf declares and the schema lacks: new labels (each
 * with a free key and a colour), their attributes, and relation types. A type that
 * differs from a label only in case is that label. Existing labels and types are left
 * as they are; a type declared on several lines keeps each line as a rule. Null when
 * no key is left for a new label.
 */
export function schemaWithConf(conf: BratConf, labels: readonly LabelDef[], relationTypes: readonly RelationTypeDef[]): { labels: LabelDef[]; relationTypes: RelationTypeDef[]; added: string[] } | null {
  // Event types become labels too: an event's trigger is a text span (a T line) worth
  // keeping, even though the event's structure (its E line) has nowhere to go.
  const wanted = [...new Set([...conf.entities, ...conf.events])].filter((name) => labelIdFor(name, labels) === name && !labels.some((label) => label.id === name));
  const made = withNewLabels(labels.map((label) => ({ ...label, attributes: [...label.attributes] })), wanted);
  if (made.noKey.length) return null;
  const next = made.labels;
  const id = (name: string) => labelIdFor(name, next);
  for (const attribute of conf.attributes) {
    const on = attribute.labels.map(id);
    for (const label of next) {
      if (!on.includes(label.id) || label.attributes.some((known) => known.id === attribute.name)) continue;
      const def: AttributeDef = attribute.values ? { id: attribute.name, name: attribute.name, type: 'enum', values: attribute.values } : { id: attribute.name, name: attribute.name, type: 'boolean' };
      label.attributes.push(def);
    }
  }
  const types = relationTypes.map((type) => ({ ...type }));
  const created = new Set<string>();
  for (const relation of conf.relations) {
    const rule: RelationRule = { from: [...new Set(relation.from.map(id))], to: [...new Set(relation.to.map(id))] };
    const known = types.find((type) => type.id === relation.type);
    if (!known) {
      types.push({ id: relation.type, name: relation.type, ...rule });
      created.add(relation.type);
      continue;
    }
    // brat repeats a type on several lines for several argument pairs: each line is
    // kept as a rule (a relation fits one of them), the lists are their union.
    const sameRule = (other: RelationRule) => other.from.join('|') === rule.from.join('|') && other.to.join('|') === rule.to.join('|');
    const rules = known.rules ?? (created.has(known.id) ? [{ from: known.from, to: known.to }] : undefined);
    if (rules && !rules.some(sameRule)) known.rules = [...rules, rule];
    known.from = [...new Set([...known.from, ...rule.from])];
    known.to = [...new Set([...known.to, ...rule.to])];
  }
  return { labels: next, relationTypes: types, added: made.added };
}

/**
 * The part of a conf that the types in `used` need (matched regardless of case): its
 * entity and event types, the attributes on them, and the relation rules between them.
 * For a conf that declares more types than a schema has keys for.
 */
export function narrowConf(conf: BratConf, used: ReadonlySet<string>): { conf: BratConf; left: string[] } {
  const wanted = new Set([...used].map((name) => name.toLowerCase()));
  const keep = (name: string) => wanted.has(name.toLowerCase());
  const relations = conf.relations.map((relation) => ({ ...relation, from: relation.from.filter(keep), to: relation.to.filter(keep) })).filter((relation) => relation.from.length > 0 && relation.to.length > 0);
  const attributes = conf.attributes.map((attribute) => ({ ...attribute, labels: attribute.labels.filter(keep) })).filter((attribute) => attribute.labels.length > 0);
  const left = [...new Set([...conf.entities, ...conf.events])].filter((name) => !keep(name));
  return { conf: { entities: conf.entities.filter(keep), events: conf.events.filter(keep), relations, attributes }, left };
}
