// Profile pages: every Kreis series, loaded only when a user picks their own comparison set.
import {levelSeries} from "../../pipelines/exports/peer-values.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, (c) => levelSeries(c, "kreis"))));
