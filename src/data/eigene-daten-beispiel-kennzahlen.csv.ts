// /eigene-daten/: the worked example (Berlin, MSS 2021 per Planungsraum) in the template, made from the snapshot.
import {exampleMetaCsv} from "../../pipelines/own/example.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

process.stdout.write(await withWarehouse(DEFAULT_WAREHOUSE, exampleMetaCsv));
