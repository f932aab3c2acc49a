import {existsSync} from "node:fs";
import {relative, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {writeReport} from "../../reports/write-report.ts";
import {buildSnapshot} from "../../snapshot/import.ts";
import {writeSnapshot} from "../../snapshot/write.ts";
import {defineCommand} from "../command.ts";

export const importCommand = defineCommand({
  name: "import",
  summary: "Quelldateien (Aufbau wie ../shared) in den Snapshot data/snapshot/ übernehmen",
  help: `Aufruf: kbm import --from DIR [--out DIR]

  --from DIR   Ordner mit den Quelldateien (data/kreise, data/geo, data/berlin …), z. B. ../shared
  --out DIR    Zielordner des Snapshots (Standard: data/snapshot)

Schreibt den Snapshot deterministisch (zweimal importiert = bytegleich) und den
Importbericht nach data/reports/import.json.`,
  options: {from: {type: "string"}, out: {type: "string"}},
  async run({values}, io) {
    if (typeof values.from !== "string") throw new UsageError("--from DIR fehlt");
    const from = resolve(io.cwd, values.from);
    if (!existsSync(from)) throw new UsageError(`Ordner ${values.from} gibt es nicht`);
    const out = resolve(io.cwd, typeof values.out === "string" ? values.out : "data/snapshot");
    io.stderr.write(`Lese Quellen aus ${from} …\n`);
    const {snapshot, report} = buildSnapshot(from);
    await writeSnapshot(out, snapshot);
    const reportPath = await writeReport(io.cwd, "import", report);
    const counts = Object.entries(report.counts).map(([k, v]) => `${k}=${v}`).join(", ");
    io.stderr.write(`Snapshot geschrieben: ${relative(io.cwd, out) || "."} (${counts}); Bericht: ${relative(io.cwd, reportPath)}\n`);
  }
});
