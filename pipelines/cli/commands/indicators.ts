import Papa from "papaparse";
import {resolve} from "node:path";
import {GUIDELINE_AREAS, type Indicator} from "../../snapshot/format.ts";
import {readSnapshotIndicators} from "../../snapshot/read.ts";
import {choice, defineCommand} from "../command.ts";

/** Columns of the CSV form: one row per indicator, lists joined with ";". */
export const INDICATOR_CSV_COLUMNS = [
  "id",
  "name",
  "area",
  "topic",
  "unit",
  "levels",
  "first",
  "last",
  "sources",
  "producers",
  "tables",
  "reference_date",
  "polarity",
  "range_min",
  "range_max",
  "aggregation",
  "licence"
] as const;

export const indicatorsCommand = defineCommand({
  name: "indicators",
  summary: "Indikatorenregister des Snapshots ausgeben",
  help: `Aufruf: kbm indicators [--format csv|json] [--area BEREICH] [--snapshot DIR]

  --format F      csv (Standard) oder json
  --area BEREICH  nur ein Bereich des Leitfadens: ${GUIDELINE_AREAS.join(" | ")}
  --snapshot DIR  Snapshot-Ordner (Standard: data/snapshot)

csv: UTF-8, Trennzeichen Komma; eine Zeile je Indikator mit den Spalten
${INDICATOR_CSV_COLUMNS.join(", ")}
(Listen durch ";" getrennt; first/last: erster und letzter Zeitraum mit Werten; producers: wer die
Statistik erstellt, je Quelle; tables: Tabellen-, INKAR- oder Spaltencodes je Quelle).
json: das vollständige Register (data/snapshot/indicators.json), gefiltert.
Ausgabe auf stdout in der Reihenfolge des Registers.`,
  options: {format: {type: "string"}, area: {type: "string"}, snapshot: {type: "string"}},
  async run({values}, io) {
    const format = choice(values.format, ["csv", "json"] as const, "format", "csv");
    const area = values.area === undefined ? undefined : choice(values.area, GUIDELINE_AREAS, "area", GUIDELINE_AREAS[0]);
    const dir = resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot");
    const indicators = readSnapshotIndicators(dir).filter((i) => area === undefined || i.area === area);
    if (format === "json") {
      io.stdout.write(JSON.stringify(indicators, null, 2) + "\n");
      return;
    }
    io.stdout.write(Papa.unparse({fields: [...INDICATOR_CSV_COLUMNS], data: indicators.map(csvRow)}, {newline: "\n"}) + "\n");
  }
});

function csvRow(i: Indicator): string[] {
  const periods = i.coverage.flatMap((c) => [c.first, c.last]).sort();
  const entries = [i.source, ...i.further_sources];
  const sources = entries.map((s) => s.source_id);
  const codes = entries.map((s) => [s.table, s.inkar_code && `INKAR ${s.inkar_code}`].filter(Boolean).join(", ")).filter(Boolean);
  return [
    i.id,
    i.name,
    i.area,
    i.topic,
    i.unit,
    i.levels.join(";"),
    periods[0] ?? "",
    periods.at(-1) ?? "",
    [...new Set(sources)].join(";"),
    [...new Set(entries.map((s) => s.producer))].join(";"),
    [...new Set(codes)].join(";"),
    i.reference_date,
    i.polarity,
    String(i.range.min),
    String(i.range.max),
    i.aggregation.method,
    i.licence
  ];
}
