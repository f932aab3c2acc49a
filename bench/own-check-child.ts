// Checks one generated own-data file (and its areas) in its own process, so that its peak RSS is
// its own; prints {rows, problems, seconds, peak_rss_mb} as JSON on stdout.
import {readFileSync} from "node:fs";
import {checkOwnFiles} from "../src/shared/own-data/index.ts";

const [dataPath, geoPath, repeatText] = process.argv.slice(2) as [string, string, string];
const files = {data: {name: "daten.csv", bytes: new Uint8Array(readFileSync(dataPath))}, geo: {name: "gebiete.geojson", bytes: new Uint8Array(readFileSync(geoPath))}};
const times: number[] = [];
let result = checkOwnFiles(files);
for (let i = 0; i < Number(repeatText); i++) {
  const started = performance.now();
  result = checkOwnFiles(files);
  times.push((performance.now() - started) / 1000);
}
times.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({rows: result.counts.rows, problems: result.problems.length, seconds: times[Math.floor(times.length / 2)], peak_rss_mb: process.resourceUsage().maxRSS / 1024}) + "\n");
