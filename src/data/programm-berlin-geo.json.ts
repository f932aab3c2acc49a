// /programm/: Berlin's district boundaries (ALKIS Berlin, simplified) from the snapshot.
import {readFileSync} from "node:fs";

process.stdout.write(readFileSync(new URL("../../data/snapshot/geo/berlin-bezirke.topojson", import.meta.url)));
