/**
 * A seeded synthetic snapshot at the size the project is heading for (≈ 30 indicators ×
 * 400 Kreise × 30 years, Länder/Bund values, Berlin's districts and Planungsräume), built
 * on the real regions of data/snapshot. For scaling runs (`npm run bench -- --synthetic`)
 * and for checking export sizes; the numbers are invented.
 */
import {copyFileSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {mulberry32} from "../pipelines/common/random.ts";

export interface SyntheticOptions {
  indicators?: number;
  firstYear?: number;
  lastYear?: number;
  seed?: number;
}

/** Writes the synthetic snapshot into `dir`; returns the observation count. */
export function writeSyntheticSnapshot(realSnapshotDir: string, dir: string, options: SyntheticOptions = {}): number {
  const {indicators: count = 30, firstYear = 1995, lastYear = 2024, seed = 42} = options;
  const random = mulberry32(seed);
  mkdirSync(dir, {recursive: true});
  copyFileSync(join(realSnapshotDir, "sources.json"), join(dir, "sources.json"));
  const sourceId = (JSON.parse(readFileSync(join(realSnapshotDir, "sources.json"), "utf-8")) as {id: string}[])[0]!.id;

  // Regions: the real ones plus 12 districts and 440 Planungsräume if the snapshot has none yet.
  const regionLines = readFileSync(join(realSnapshotDir, "regions.csv"), "utf-8").trimEnd().split("\n");
  const header = regionLines[0]!;
  const ids = regionLines.slice(1).map((l) => l.slice(0, l.indexOf(",")));
  const extra: string[] = [];
  if (!regionLines.some((l) => l.includes(",bezirk,"))) {
    for (let b = 1; b <= 12; b++) {
      const id = `110${String(b).padStart(2, "0")}0${String(b).padStart(2, "0")}`;
      extra.push(`${id},Bezirk ${b},bezirk,Berliner Bezirk,11000,11,,,300000,2021-12-31,`);
      for (let p = 1; p <= 37; p++) extra.push(`${String(b).padStart(2, "0")}${String(p).padStart(6, "0")},Planungsraum ${b}/${p},planungsraum,Planungsraum,${id},11,,,8000,2021-12-31,`);
    }
  }
  writeFileSync(join(dir, "regions.csv"), [header, ...regionLines.slice(1), ...extra].join("\n") + "\n");
  const allIds = [...ids, ...extra.map((l) => l.slice(0, l.indexOf(",")))];
  const byLevel = (level: string) => [...regionLines.slice(1), ...extra].filter((l) => l.split(",").includes(level)).map((l) => l.slice(0, l.indexOf(",")));
  const kreise = byLevel("kreis");
  const laender = byLevel("land");
  const bezirke = allIds.filter((id) => id.length === 8 && id.startsWith("110"));
  const plr = allIds.filter((id) => id.length === 8 && !id.startsWith("110"));

  const indicators: Record<string, unknown>[] = [];
  const lines = ["indicator,region,period,value,flag,source"];
  for (let k = 0; k < count; k++) {
    const id = `synth_${String(k).padStart(2, "0")}`;
    const isCount = k % 5 === 0;
    const method = k === 1 ? "weighted" : isCount ? "sum" : k % 3 === 0 ? "published" : "none";
    const levels = k % 10 === 9 ? ["bezirk", "planungsraum"] : ["kreis", "land", "bund"];
    indicators.push({
      id, name: `Synthetischer Indikator ${k}`, short_name: `Synth ${k}`, definition: "Erfunden für Messungen.",
      unit: isCount ? "Anzahl" : "%", decimals: 1, area: "Rahmenbedingungen", topic: "Synthetisch", levels,
      source: {publisher: "Bench", title: "Bench", table: null, inkar_code: null, source_id: sourceId},
      further_sources: [], precedence: "", reference_date: "31.12.", numerator: null, denominator: null,
      range: {min: 0, max: isCount ? 1e9 : 100}, polarity: "neutral", caveats: [],
      aggregation: {method, weight: method === "weighted" ? "synth_00" : null, note: "Synthetisch."},
      licence: "dl-de/by-2-0", attribution: "Bench", coverage: []
    });
    const targets = levels[0] === "kreis" ? kreise : [...bezirke, ...plr];
    for (let year = firstYear; year <= lastYear; year++) {
      for (const region of targets) {
        const r = random();
        // ≈ 2 % special values; counts are complete (they serve as weights and sums).
        if (!isCount && r < 0.02) lines.push(`${id},${region},${year},,.,${sourceId}`);
        else lines.push(`${id},${region},${year},${isCount ? Math.round(1000 + random() * 50000) : (random() * 100).toFixed(2)},,${sourceId}`);
      }
      if (method === "published") for (const land of [...laender, "DG"]) lines.push(`${id},${land},${year},${(random() * 100).toFixed(2)},,${sourceId}`);
    }
  }
  writeFileSync(join(dir, "indicators.json"), JSON.stringify(indicators, null, 2) + "\n");
  writeFileSync(join(dir, "observations.csv"), lines.join("\n") + "\n");
  return lines.length - 1;
}
