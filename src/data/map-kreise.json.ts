// /karte/: every Kreis observation of every mappable indicator and year, columnar (pipelines/exports/map-data.ts).
import {mapData} from "../../pipelines/exports/map-data.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

try {
  process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, (c) => mapData(c, ["kreis"]))));
} catch (error) {
  process.stderr.write(`map-kreise.json: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
