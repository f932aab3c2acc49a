// For analysts: all published observations as Parquet (pipelines/exports/analyst.ts).
import {observationsParquet} from "../../pipelines/exports/analyst.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

try {
  const bytes = await withWarehouse(DEFAULT_WAREHOUSE, (connection) => observationsParquet(connection));
  process.stdout.write(bytes);
} catch (error) {
  process.stderr.write(`observations.parquet: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
