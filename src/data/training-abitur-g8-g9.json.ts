// /fortbildung/abitur-g8-g9: the example's indicators for every Kreis, Land and the Bund, with peer-group statistics.
import {trainingExample} from "../../pipelines/exports/training.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, (c) => trainingExample(c, "abitur-g8-g9"))));
