// Runs one warehouse build in a child process for the kill test: argv = snapshot dir, target.
// KBM_WAREHOUSE_KILL_AT (see pipelines/warehouse/kill-point.ts) makes it SIGKILL itself.
import {buildWarehouse} from "../../../pipelines/warehouse/build.ts";

const [snapshotDir, target] = process.argv.slice(2);
await buildWarehouse({snapshotDir: snapshotDir!, target: target!, updatesDir: null});
process.stdout.write("built\n");
