// Kreis boundaries (BKG VG5000, Gebietsstand 01.07.2021) from the snapshot.
import {readFileSync} from "node:fs";

process.stdout.write(readFileSync(new URL("../../data/snapshot/geo/kreise.topojson", import.meta.url)));
