// Profile pages: the warehouse's peer groups with their members.
import {peerGroups} from "../../pipelines/exports/catalog.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, peerGroups)));
