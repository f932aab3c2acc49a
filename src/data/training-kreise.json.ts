// /fortbildung/: the Kreise a participant can pick, the names of Länder and Bund, the peer groups (shared by the examples).
import {trainingDirectory} from "../../pipelines/exports/training.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, trainingDirectory)));
