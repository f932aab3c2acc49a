/**
 * own_check_50k_ms: `kbm own check` / the page's check of a city file with 50,000 rows (500
 * areas × 10 kennzahlen × 10 years, Windows-1252, German numbers, some special values and small
 * zaehler) and its 500 areas in EPSG:25832, run in a child process: median time of the check
 * (decode, parse, zod, duplicates, reprojection, cross-check) and the process's peak RSS.
 */
import {spawnSync} from "node:child_process";
import {writeFileSync} from "node:fs";
import {join} from "node:path";
import {mulberry32} from "../pipelines/common/random.ts";
import type {Measurement} from "./types.ts";

const AREAS = 500;
const INDICATORS = 10;
const YEARS = 10;

function generate(dir: string): {data: string; geo: string} {
  const random = mulberry32(16);
  const lines = ["gebiet_id;gebiet_name;kennzahl;jahr;wert;zaehler;nenner;hinweis"];
  for (let k = 0; k < INDICATORS; k++) {
    for (let y = 2015; y < 2015 + YEARS; y++) {
      for (let a = 0; a < AREAS; a++) {
        const r = random();
        const nenner = 20 + Math.floor(random() * 2000);
        const zaehler = Math.floor(nenner * random() * 0.4);
        const wert = r < 0.02 ? "." : r < 0.03 ? "-" : r < 0.04 ? "" : ((100 * zaehler) / nenner).toFixed(1).replace(".", ",");
        lines.push(`SR${String(a).padStart(3, "0")};Sozialraum Süd ${a};kennzahl_${k};${y};${wert};${zaehler};${nenner.toLocaleString("de-DE")};`);
      }
    }
  }
  // Windows-1252, as German Excel saves it: "ü" is one byte.
  const data = join(dir, "own-50k.csv");
  writeFileSync(data, Buffer.from(lines.join("\r\n") + "\r\n", "latin1"));
  const features = Array.from({length: AREAS}, (_, a) => {
    const x = 350_000 + (a % 25) * 400;
    const y = 5_640_000 + Math.floor(a / 25) * 400;
    const ring = Array.from({length: 41}, (_, i) => [x + 200 + 190 * Math.cos((i / 40) * 2 * Math.PI), y + 200 + 190 * Math.sin((i / 40) * 2 * Math.PI)]);
    return {type: "Feature", properties: {gebiet_id: `SR${String(a).padStart(3, "0")}`}, geometry: {type: "Polygon", coordinates: [ring]}};
  });
  const geo = join(dir, "own-50k.geojson");
  writeFileSync(geo, JSON.stringify({type: "FeatureCollection", crs: {type: "name", properties: {name: "urn:ogc:def:crs:EPSG::25832"}}, features}));
  return {data, geo};
}

export const ownCheck: Measurement = {
  keys: ["own_check_50k_ms", "own_check_50k_peak_rss_mb"],
  async run({root, tmp, repeat, log}) {
    const {data, geo} = generate(tmp);
    const child = spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "own-check-child.ts"), data, geo, String(repeat)], {cwd: root, encoding: "utf-8", maxBuffer: 1 << 20});
    if (child.status !== 0) throw new Error(child.stderr.slice(-500));
    const result = JSON.parse(child.stdout) as {rows: number; problems: number; seconds: number; peak_rss_mb: number};
    if (result.rows !== AREAS * INDICATORS * YEARS || result.problems !== 0) throw new Error(`unexpected check result: ${child.stdout}`);
    log(`${result.rows} rows, ${AREAS} areas: ${(result.seconds * 1000).toFixed(0)} ms, peak RSS ${result.peak_rss_mb.toFixed(0)} MB`);
    const note = `${result.rows} rows (Windows-1252) + ${AREAS} areas in EPSG:25832, checkOwnFiles in a child process, median of ${repeat}`;
    return [
      {key: "own_check_50k_ms", value: Math.round(result.seconds * 1000), unit: "ms", note},
      {key: "own_check_50k_peak_rss_mb", value: Math.round(result.peak_rss_mb), unit: "MB", note: "maxRSS of the checking process"}
    ];
  }
};
