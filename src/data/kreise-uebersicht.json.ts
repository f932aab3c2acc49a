// Home page data: the latest under-3 childcare rate for all 400 Kreise.
import {kreiseOverview} from "../../pipelines/exports/kreise-overview.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

const overview = await withWarehouse(DEFAULT_WAREHOUSE, (c) => kreiseOverview(c, "betreuungsquote_u3"));
process.stdout.write(JSON.stringify(overview));
