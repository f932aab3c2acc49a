// /fortbildung/berlin-kinderarmut-kita: child poverty, Kitas and children under 6 per Planungsraum and Bezirk.
import {trainingBerlin} from "../../pipelines/exports/training-berlin.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, trainingBerlin)));
