import type {Indicator, Source} from "./format.ts";

/**
 * data/snapshot/SOURCES.md: the attribution every licence asks for, generated from the
 * catalogue, with the indicators each source feeds (from the observations' coverage).
 */
export function renderSourcesDoc(sources: Source[], indicators: Indicator[] = []): string {
  const lines = [
    "# Quellen des Snapshots",
    "",
    "Dieser Ordner wird von `kbm import --from ../shared` erzeugt; nicht von Hand ändern.",
    "Alle Daten stehen unter den genannten Lizenzen; bei Weitergabe ist die Quelle zu nennen.",
    "Regeln zu Gebietsstand und Quellenvorrang: `docs/data.md`.",
    ""
  ];
  for (const s of sources) {
    lines.push(`## ${s.title}`, "", `- Hersteller der Statistik: ${s.producer}`, `- Herausgeber: ${s.publisher}`, `- Stand: ${s.reference}`, `- Lizenz: ${s.licence} (${s.licence_url})`, `- Namensnennung: ${s.attribution}`, `- Original: ${s.url}`);
    if (s.via) lines.push(`- Bezugsweg: ${s.via}`);
    lines.push(`- Kennung im Snapshot: \`${s.id}\``);
    if (s.role === "crosscheck") {
      lines.push("- Verwendung: nur Quellenabgleich im Importbericht; keine Werte im Snapshot");
    } else {
      const used = indicators.filter((i) => i.coverage.some((c) => c.source_id === s.id)).map((i) => `\`${i.id}\``);
      if (used.length > 0) lines.push(`- Indikatoren: ${used.join(", ")}`);
      else if (indicators.length > 0) lines.push("- Verwendung: Regionen und Geometrien");
    }
    lines.push("");
  }
  return lines.join("\n");
}
