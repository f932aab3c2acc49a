// /programm/: reach of the programme on every change date, municipalities, events and the
// indicators of the statistics for the profile regions. Counts only: no person data.
import {join} from "node:path";
import {loadProgramme} from "../../loaders/programme/load.ts";
import {programmeDashboard} from "../../pipelines/exports/programme.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

const dir = join(import.meta.dirname, "../../data/programme");
const data = loadProgramme(dir, {label: "data/programme"});
process.stdout.write(JSON.stringify(await withWarehouse(DEFAULT_WAREHOUSE, (c) => programmeDashboard(data, c))));
