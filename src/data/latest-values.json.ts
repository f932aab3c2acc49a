// Profile pages: latest value of every Kreis and district per indicator (peer strips).
import {latestValues} from "../../pipelines/exports/peer-values.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, latestValues)));
