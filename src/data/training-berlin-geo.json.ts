// /fortbildung/berlin-kinderarmut-kita: Berlin's 542 Planungsräume (Geoportal Berlin, LOR 2021, simplified) from the snapshot.
import {readFileSync} from "node:fs";

process.stdout.write(readFileSync(new URL("../../data/snapshot/geo/berlin-planungsraeume.topojson", import.meta.url)));
