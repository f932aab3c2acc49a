// "Warum diese?" panel: the standardised context of every Kreis and Berlin district, so the
// browser can show and recompute the similar regions (loaded only when the panel opens).
import {similarContext} from "../../pipelines/exports/similar.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, similarContext)));
