// /daten/: the source catalogue with licences and the indicators each source feeds.
import {sourcesCatalogue} from "../../pipelines/exports/sources-catalogue.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

// The one data file with the Bezugsweg: /daten/ shows it in a column of its own.
process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, (c) => sourcesCatalogue(c, {bezugsweg: true}))));
