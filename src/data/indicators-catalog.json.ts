// /indikatoren/: every indicator with definition, unit, levels and years covered, sources.
import {indicatorCatalogPage} from "../../pipelines/exports/indicator-pages.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

try {
  process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, indicatorCatalogPage)));
} catch (error) {
  process.stderr.write(`indicators-catalog.json: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
