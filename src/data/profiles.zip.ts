// Profile pages: one ZIP with every region's profile as <id>.json (see pipelines/exports/profile.ts).
import {profilesZip} from "../../pipelines/exports/profile.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

try {
  const bytes = await withWarehouse(DEFAULT_WAREHOUSE, (connection) => profilesZip(connection));
  process.stdout.write(bytes);
} catch (error) {
  process.stderr.write(`profiles.zip: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
