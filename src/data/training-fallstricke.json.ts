// /fortbildung/fallstricke: the warehouse rows each pitfall's real example is computed from.
import {trainingPitfalls} from "../../pipelines/exports/training-pitfalls.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, trainingPitfalls)));
