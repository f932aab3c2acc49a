// For analysts: all published observations as German CSV for Excel (`;`, decimal comma, UTF-8 with BOM).
import {observationsCsv} from "../../pipelines/exports/analyst.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

try {
  const bytes = await withWarehouse(DEFAULT_WAREHOUSE, (connection) => observationsCsv(connection));
  process.stdout.write(bytes);
} catch (error) {
  process.stderr.write(`observations.csv: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
