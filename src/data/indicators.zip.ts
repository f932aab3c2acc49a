// /indikatoren/<id>: one JSON per indicator in a ZIP; Framework unpacks data/indicators/<id>.json at build time.
import {indicatorPagesZip} from "../../pipelines/exports/indicator-pages.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

try {
  process.stdout.write(await withWarehouse(DEFAULT_WAREHOUSE, indicatorPagesZip));
} catch (error) {
  process.stderr.write(`indicators.zip: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
