/**
 * brat's annotation.conf, to and from Factmark's label schema. Entity types are labels,
 * relation types are relation types, and attributes become enum attributes (with
 * `Value:a|b`) or boolean ones (without) on the labels they apply to. Event types become
 * labels for their triggers; the events themselves have nothing to map to, and are
 * listed so an import can say so.
 *
 * The format: https://brat.nlplab.org/configuration.html
 */
import type { AttributeDef, LabelDef, RelationTypeDef } from '../../model/labels.js';

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
    ...relationTypes.map((type) => `${type.id}\tArg1:${type.from.join('|')}, Arg2:${type.to.join('|')}`),
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

/** Reads annotation.conf; lines it cannot read are returned with their number. */
export function parseAnnotationConf(text: string): { conf: BratConf; problems: { line: number; reason: string }[] } {
  const conf: BratConf = { entities: [], relations: [], attributes: [], events: [] };
  const problems: { line: number; reason: string }[] = [];
  let section: Section | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^-+$/.test(line)) return;
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
    if (head.startsWith('!') || name === '' || name.startsWith('<')) return;
    const roles = parseArguments(args);
    if (section === 'entities') conf.entities.push(name);
    else if (section === 'events') conf.events.push(name);
    else if (section === 'relations') {
      const [from, to] = [...roles.entries()].filter(([role]) => !role.startsWith('<'));
      if (!from || !to) problems.push({ line: i + 1, reason: `relation "${name}" needs two arguments` });
      else conf.relations.push({ type: name, from: from[1], to: to[1] });
    } else {
      conf.attributes.push({ name, labels: roles.get('Arg') ?? [], values: roles.get('Value') ?? null });
    }
  });
  return { conf, problems };
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

const PALETTE = [
  { light: '#0f766e', dark: '#5eead4' },
  { light: '#7c3aed', dark: '#c4b5fd' },
  { light: '#b45309', dark: '#fcd34d' },
  { light: '#be123c', dark: '#fda4af' },
  { light: '#1d4ed8', dark: '#93c5fd' },
  { light: '#4d7c0f', dark: '#bef264' },
];
const KEYS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * The schema with what annotation.conf declares and the schema lacks: new labels (each
 * with a free key and a colour), their attributes, and relation types. Existing labels
 * and types are left as they are. Null when no key is left for a new label.
 */
export function schemaWithConf(conf: BratConf, labels: readonly LabelDef[], relationTypes: readonly RelationTypeDef[]): { labels: LabelDef[]; relationTypes: RelationTypeDef[]; added: string[] } | null {
  const usedKeys = new Set(labels.map((label) => label.key));
  const freeKeys = [...KEYS].filter((key) => !usedKeys.has(key));
  const added: string[] = [];
  const next = labels.map((label) => ({ ...label, attributes: [...label.attributes] }));
  // Event types become labels too: an event's trigger is a text span (a T line) worth
  // keeping, even though the event's structure (its E line) has nowhere to go.
  for (const entity of [...conf.entities, ...conf.events]) {
    if (next.some((label) => label.id === entity)) continue;
    const key = freeKeys.shift();
    if (!key) return null;
    next.push({ id: entity, name: entity, key, color: PALETTE[added.length % PALETTE.length] as LabelDef['color'], attributes: [] });
    added.push(entity);
  }
  for (const attribute of conf.attributes) {
    for (const label of next) {
      if (!attribute.labels.includes(label.id) || label.attributes.some((known) => known.id === attribute.name)) continue;
      const def: AttributeDef = attribute.values ? { id: attribute.name, name: attribute.name, type: 'enum', values: attribute.values } : { id: attribute.name, name: attribute.name, type: 'boolean' };
      label.attributes.push(def);
    }
  }
  const types = relationTypes.map((type) => ({ ...type }));
  for (const relation of conf.relations) {
    const known = types.find((type) => type.id === relation.type);
    if (known) {
      // brat repeats a type on several lines for several argument pairs.
      known.from = [...new Set([...known.from, ...relation.from])];
      known.to = [...new Set([...known.to, ...relation.to])];
    } else types.push({ id: relation.type, name: relation.type, from: [...relation.from], to: [...relation.to] });
  }
  return { labels: next, relationTypes: types, added };
}
