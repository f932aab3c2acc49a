// Berlin's 12 Bezirke (Geoportal Berlin, ALKIS, simplified) from the snapshot, for the maps.
import {readFileSync} from "node:fs";

process.stdout.write(readFileSync(new URL("../../data/snapshot/geo/berlin-bezirke.topojson", import.meta.url)));
