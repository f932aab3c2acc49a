// /karte/: every observation of Berlin's 12 Bezirke and 542 Planungsräume, columnar (pipelines/exports/map-data.ts).
import {mapData} from "../../pipelines/exports/map-data.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

try {
  process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, (c) => mapData(c, ["bezirk", "planungsraum"]))));
} catch (error) {
  process.stderr.write(`map-berlin.json: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
