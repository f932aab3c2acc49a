import type {Source} from "./format.ts";

/** data/snapshot/SOURCES.md: the attribution every licence asks for, generated from the catalogue. */
export function renderSourcesDoc(sources: Source[]): string {
  const lines = [
    "# Quellen des Snapshots",
    "",
    "Dieser Ordner wird von `kbm import --from ../shared` erzeugt; nicht von Hand ändern.",
    "Alle Daten stehen unter den genannten Lizenzen; bei Weitergabe ist die Quelle zu nennen.",
    ""
  ];
  for (const s of sources) {
    lines.push(`## ${s.title}`, "", `- Quelle: ${s.publisher}`, `- Stand: ${s.reference}`, `- Lizenz: ${s.licence} (${s.licence_url})`, `- Namensnennung: ${s.attribution}`, `- Original: ${s.url}`);
    if (s.via) lines.push(`- Bezogen über: ${s.via}`);
    lines.push(`- Kennung im Snapshot: \`${s.id}\``, "");
  }
  return lines.join("\n");
}
