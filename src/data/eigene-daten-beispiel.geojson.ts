// /eigene-daten/: the worked example's areas, Berlin's 542 Planungsräume as GeoJSON (WGS84) from the snapshot.
import {exampleAreas} from "../../pipelines/own/example.ts";

process.stdout.write(exampleAreas(new URL("../../data/snapshot", import.meta.url).pathname));
