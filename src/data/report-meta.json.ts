// Profile pages' report buttons (loaded on click): the pull tables and the warehouse's build date.
import {reportContext} from "../../pipelines/exports/report-input.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

const {pullTables, builtAt} = await withWarehouse(DEFAULT_WAREHOUSE, (c) => reportContext(c, DEFAULT_WAREHOUSE));
process.stdout.write(JSON.stringify({pullTables, builtAt}));
