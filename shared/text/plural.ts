/** "1 span", "2 spans", "1,024 documents": a count with its noun, for every message a person reads. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
