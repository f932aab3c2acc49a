/**
 * Peer group "aehnliche" (Ähnliche Kommunen): for every Kreis its 10 nearest Kreise, for every
 * Berlin district its 5 nearest districts, on standardised context indicators. Reads the
 * context from the merged observations, computes with the shared module
 * src/shared/similarity.ts (the browser uses the same code) and writes the tables of
 * sql/similar-peers.sql. Runs in the warehouse build after merge-observations.
 */
import type {DuckDBConnection} from "@duckdb/node-api";
import {listValue} from "@duckdb/node-api";
import {allNearest, standardise, type ContextIndicator, type ContextRow} from "../../src/shared/similarity.ts";
import {queryRows, readSql, runScript} from "./sql.ts";

export const SIMILAR_GROUP = "aehnliche";

/** Where a context indicator's value comes from. */
export type ContextSource =
  | {from: "indicator"; indicator: string; log?: boolean}
  /** An indicator's value per km² of the region's area (regions.area_km2). */
  | {from: "per_km2"; indicator: string; log?: boolean}
  /** East (Länder 11–16; Berlin counts as east) or west, from the region's Land. */
  | {from: "east_west"}
  /** Kreisfreie Stadt (incl. Stadtkreis) or Landkreis, from regions.kreisfrei. */
  | {from: "kreisfrei"};

export interface ContextSpec extends ContextIndicator {
  source: ContextSource;
  /** Why it is there (docs/data.md repeats it for users). */
  why: string;
}

export interface LevelSpec {
  level: "kreis" | "bezirk";
  /** How many neighbours each region gets. */
  k: number;
  indicators: ContextSpec[];
}

// Every choice here is explained for users in docs/data.md, "Ähnliche Kommunen".
export const SIMILAR_LEVELS: LevelSpec[] = [
  {
    level: "kreis",
    k: 10,
    indicators: [
      {id: "einwohner", name: "Einwohnerzahl", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "bevoelkerung", log: true}, why: "Größe: Verwaltung, Schulnetz und Angebotsvielfalt einer Millionenstadt sind andere als die eines Kreises mit 100.000 Einwohnern; logarithmiert, weil Größen über zwei Zehnerpotenzen streuen"},
      {id: "dichte", name: "Einwohner je km²", kind: "numeric", weight: 1, source: {from: "per_km2", indicator: "bevoelkerung", log: true}, why: "Siedlungsdichte: Schulwege, Standortplanung und Erreichbarkeit von Kitas und Schulen"},
      {id: "anteil_unter_18", name: "Anteil unter 18 Jahren", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "anteil_unter_18"}, why: "Nachfrage nach Bildung: wie groß der Anteil der Kinder und Jugendlichen ist"},
      {id: "kinderarmut", name: "Kinderarmut (SGB II, unter 15)", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "kinderarmut_sgb2_u15"}, why: "soziale Lage der Kinder: der stärkste bekannte Einflussfaktor auf Bildungserfolg"},
      {id: "arbeitslosenquote", name: "Arbeitslosenquote", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "arbeitslosenquote"}, why: "Arbeitsmarkt: Übergänge in Ausbildung und die Lage der Eltern"},
      {id: "auslaenderanteil", name: "Ausländeranteil", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "auslaenderanteil"}, why: "Sprachförderung und Integration in Kita und Schule"},
      {id: "einkommen", name: "Verfügbares Einkommen je Einwohner", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "verfuegbares_einkommen_je_ew"}, why: "Wohlstand und Finanzkraft der Haushalte"},
      {id: "ost_west", name: "Ost/West", kind: "categorical", weight: 1, source: {from: "east_west"}, why: "unterschiedliche Traditionen in Kinderbetreuung und Schulsystem seit 1990"},
      {id: "kreisfrei", name: "Kreisfreie Stadt/Landkreis", kind: "categorical", weight: 1, source: {from: "kreisfrei"}, why: "Zuständigkeiten: eine kreisfreie Stadt ist Schulträger aller Schulen und Träger der Jugendhilfe, in einem Landkreis teilen sich Kreis und Gemeinden diese Aufgaben"}
    ]
  },
  {
    level: "bezirk",
    k: 5,
    indicators: [
      {id: "einwohner", name: "Einwohnerzahl", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "einwohner_melderegister", log: true}, why: "Größe des Bezirks"},
      {id: "dichte", name: "Einwohner je km²", kind: "numeric", weight: 1, source: {from: "per_km2", indicator: "einwohner_melderegister", log: true}, why: "Innenstadt oder Stadtrand"},
      {id: "anteil_unter_18", name: "Anteil unter 18 Jahren", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "anteil_unter_18"}, why: "Nachfrage nach Bildung"},
      {id: "kinderarmut", name: "Kinderarmut (MSS, unter 15)", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "mss_kinderarmut"}, why: "soziale Lage der Kinder"},
      {id: "arbeitslosigkeit", name: "Arbeitslose je 100 Einwohner 15–65 (MSS)", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "mss_arbeitslose_anteil"}, why: "Arbeitsmarkt und Lage der Eltern"},
      {id: "auslaenderanteil", name: "Ausländeranteil", kind: "numeric", weight: 1, source: {from: "indicator", indicator: "auslaenderanteil"}, why: "Sprachförderung und Integration"}
    ]
  }
];

const EAST_LAENDER = new Set(["11", "12", "13", "14", "15", "16"]);

export interface SimilarResult {
  /** Seconds spent, for the bench. */
  seconds: number;
  /** Regions per level with neighbours. */
  regions: Record<string, number>;
}

/** Creates and fills similar_indicators, similar_context, similar_neighbours, similar_contributions. */
export async function buildSimilarPeers(connection: DuckDBConnection, levels: LevelSpec[] = SIMILAR_LEVELS): Promise<SimilarResult> {
  const started = performance.now();
  await runScript(connection, readSql("similar-peers"));
  const regionsDone: Record<string, number> = {};
  const indicatorAppender = await connection.createAppender("similar_indicators");
  const contextAppender = await connection.createAppender("similar_context");
  const neighbourAppender = await connection.createAppender("similar_neighbours");
  const shareAppender = await connection.createAppender("similar_contributions");
  for (const spec of levels) {
    const {rows, shown, periods} = await readContext(connection, spec);
    if (rows.length === 0) continue;
    const data = standardise(spec.indicators, rows);
    spec.indicators.forEach((i, sort) => {
      indicatorAppender.appendVarchar(spec.level);
      indicatorAppender.appendVarchar(i.id);
      indicatorAppender.appendInteger(sort);
      indicatorAppender.appendVarchar(i.name);
      indicatorAppender.appendVarchar(i.kind);
      indicatorAppender.appendDouble(i.weight);
      appendNullable(indicatorAppender, "indicator" in i.source ? i.source.indicator : null);
      appendNullable(indicatorAppender, periods.get(i.id) ?? null);
      indicatorAppender.appendBoolean("log" in i.source && i.source.log === true);
      appendNullableDouble(indicatorAppender, data.mean[i.id] ?? null);
      appendNullableDouble(indicatorAppender, data.sd[i.id] ?? null);
      indicatorAppender.appendVarchar(i.why);
      indicatorAppender.endRow();
    });
    for (const row of data.rows) {
      for (const i of spec.indicators) {
        const value = shown.get(row.id)![i.id] ?? null;
        contextAppender.appendVarchar(spec.level);
        contextAppender.appendVarchar(row.id);
        contextAppender.appendVarchar(i.id);
        appendNullableDouble(contextAppender, typeof value === "number" ? value : null);
        appendNullable(contextAppender, typeof value === "string" ? value : null);
        const z = row.z[i.id];
        appendNullableDouble(contextAppender, typeof z === "number" ? z : null);
        contextAppender.endRow();
      }
    }
    for (const [region, neighbours] of allNearest(data, spec.k)) {
      neighbours.forEach((n, position) => {
        neighbourAppender.appendVarchar(region);
        neighbourAppender.appendInteger(position + 1);
        neighbourAppender.appendVarchar(n.id);
        neighbourAppender.appendDouble(n.distance);
        neighbourAppender.endRow();
        for (const i of spec.indicators) {
          shareAppender.appendVarchar(region);
          shareAppender.appendVarchar(n.id);
          shareAppender.appendVarchar(i.id);
          appendNullableDouble(shareAppender, n.contributions[i.id] ?? null);
          shareAppender.endRow();
        }
      });
    }
    regionsDone[spec.level] = data.rows.length;
  }
  for (const a of [indicatorAppender, contextAppender, neighbourAppender, shareAppender]) a.closeSync();
  return {seconds: (performance.now() - started) / 1000, regions: regionsDone};
}

type Appender = Awaited<ReturnType<DuckDBConnection["createAppender"]>>;
function appendNullable(a: Appender, v: string | null) {
  if (v === null) a.appendNull();
  else a.appendVarchar(v);
}
function appendNullableDouble(a: Appender, v: number | null) {
  if (v === null || !Number.isFinite(v)) a.appendNull();
  else a.appendDouble(v);
}

/**
 * The context rows of one level: per source indicator the period chosen in
 * sql/similar-context.sql (the newest that every region has), transformed as specified.
 */
async function readContext(connection: DuckDBConnection, spec: LevelSpec): Promise<{rows: ContextRow[]; shown: Map<string, Record<string, number | string | null>>; periods: Map<string, string>}> {
  const sources = [...new Set(spec.indicators.flatMap((i) => ("indicator" in i.source ? [i.source.indicator] : [])))];
  const regions = await queryRows(connection, "SELECT id, land, kreisfrei, area_km2 FROM regions WHERE level = $level ORDER BY id", {level: spec.level});
  const values = await queryRows(connection, readSql("similar-context"), {level: spec.level, indicators: listValue(sources)});
  const byKey = new Map(values.map((v) => [`${v.indicator}|${v.region}`, v.value === null ? null : Number(v.value)]));
  const periodOf = new Map(values.map((v) => [String(v.indicator), String(v.period)]));
  const periods = new Map<string, string>();
  for (const i of spec.indicators) if ("indicator" in i.source) periods.set(i.id, periodOf.get(i.source.indicator) ?? "");
  // shown: the value before the logarithm, as pages show it (inhabitants, inhabitants per km²).
  const shown = new Map<string, Record<string, number | string | null>>();
  const rows = regions.map((r) => {
    const out: ContextRow = {id: String(r.id), values: {}};
    const plain: Record<string, number | string | null> = {};
    shown.set(out.id, plain);
    for (const i of spec.indicators) {
      const s = i.source;
      let v: number | string | null;
      if (s.from === "east_west") v = plain[i.id] = r.land === null ? null : EAST_LAENDER.has(String(r.land)) ? "Ost" : "West";
      else if (s.from === "kreisfrei") v = plain[i.id] = r.kreisfrei === null ? null : r.kreisfrei ? "kreisfrei" : "Landkreis";
      else {
        const x = byKey.get(`${s.indicator}|${r.id}`) ?? null;
        const area = r.area_km2 === null ? null : Number(r.area_km2);
        v = x === null ? null : s.from === "per_km2" ? (area && area > 0 ? x / area : null) : x;
        plain[i.id] = v;
        // A size of 0 has no logarithm; it is treated as missing, never as a number.
        if (v !== null && s.log) v = v > 0 ? Math.log(v) : null;
      }
      out.values[i.id] = v;
    }
    return out;
  });
  return {rows, shown, periods};
}
