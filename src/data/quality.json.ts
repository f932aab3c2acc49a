// /daten/: data quality – coverage, flags, outdated indicators, what the import set aside and
// where sources disagree (pipelines/exports/quality-page.ts).
import {qualityPage} from "../../pipelines/exports/quality-page.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, (c) => qualityPage(c))));
