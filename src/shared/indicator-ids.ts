/**
 * Registry ids ("mss_kinderarmut") stand in some registry texts as cross-references. A reader
 * never sees an id: it becomes the indicator's name in quotes („Kinderarmut: …“).
 */
export function namesForIds(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g, (id) => (names.has(id) ? `„${names.get(id)}“` : id));
}
