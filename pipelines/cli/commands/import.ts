import {existsSync} from "node:fs";
import {rename, writeFile} from "node:fs/promises";
import {join, relative, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {writeReport} from "../../reports/write-report.ts";
import {buildSnapshot, type ImportReport} from "../../snapshot/import.ts";
import {IMPORT_REPORT_FILE, importReportJson} from "../../snapshot/import-report.ts";
import {writeSnapshot} from "../../snapshot/write.ts";
import {defineCommand} from "../command.ts";

export const importCommand = defineCommand({
  name: "import",
  summary: "Quelldateien (Aufbau wie ../shared) in den Snapshot data/snapshot/ übernehmen",
  help: `Aufruf: kbm import --from DIR [--out DIR]

  --from DIR   Ordner mit den Quelldateien (data/kreise, data/geo, data/berlin, fixtures/genesis), z. B. ../shared
  --out DIR    Zielordner des Snapshots (Standard: data/snapshot)

Schreibt den Snapshot deterministisch (zweimal importiert = bytegleich), mit dem
Importbericht in Kurzform (import-report.json im Snapshot), und den vollen
Importbericht nach data/reports/import.json: beiseitegelegte Regionen und Werte
(aufgelöste Kreise …), ersetzte Werte (Quellenvorrang) und den Quellenabgleich.
Eine Zusammenfassung steht auf stderr.`,
  options: {from: {type: "string"}, out: {type: "string"}},
  async run({values}, io) {
    if (typeof values.from !== "string") throw new UsageError("--from DIR fehlt");
    const from = resolve(io.cwd, values.from);
    if (!existsSync(from)) throw new UsageError(`Ordner ${values.from} gibt es nicht`);
    const out = resolve(io.cwd, typeof values.out === "string" ? values.out : "data/snapshot");
    io.stderr.write(`Lese Quellen aus ${from} …\n`);
    const {snapshot, report} = await buildSnapshot(from);
    await writeSnapshot(out, snapshot);
    // The report in short goes with the snapshot (committed): the data-quality page needs it on a fresh clone.
    await writeFile(join(out, `${IMPORT_REPORT_FILE}.tmp`), importReportJson(report));
    await rename(join(out, `${IMPORT_REPORT_FILE}.tmp`), join(out, IMPORT_REPORT_FILE));
    const reportPath = await writeReport(io.cwd, "import", report);
    const counts = Object.entries(report.counts).map(([k, v]) => `${k}=${v}`).join(", ");
    io.stderr.write(`Snapshot geschrieben: ${relative(io.cwd, out) || "."} (${counts}); Bericht: ${relative(io.cwd, reportPath)}\n`);
    for (const line of summariseReport(report)) io.stderr.write(line + "\n");
  }
});

/** A few lines for stderr: what was left out, what was replaced, where sources disagree. */
export function summariseReport(report: ImportReport): string[] {
  const lines: string[] = [];
  const byFile = new Map<string, number>();
  for (const s of report.setAside) byFile.set(s.file, (byFile.get(s.file) ?? 0) + 1);
  lines.push(`Beiseitegelegt: ${report.setAside.length}${byFile.size ? ` (${[...byFile].map(([f, n]) => `${f}: ${n}`).join("; ")})` : ""}`);
  for (const s of report.setAside.filter((x) => !x.file.startsWith("fixtures/"))) lines.push(`  ${s.region}${"name" in s && s.name ? ` ${s.name}` : ""}: ${s.reason}`);
  for (const o of report.overridden) lines.push(`Quellenvorrang ${o.indicator}: ${o.count} Werte aus ${o.loser} durch ${o.winner} ersetzt (größte Abweichung ${o.max_abs_diff})`);
  lines.push(`Berlin: ${report.berlin.joint_wahlkreise_set_aside.length} Wahlkreise mit gemeinsamem Wert für mehrere Bezirke nicht übernommen (${report.berlin.joint_wahlkreise_set_aside.map((w) => w.wk_nr).join(", ")})`);
  lines.push(`Quellenabgleich (Toleranz ${report.crosscheck.tolerance}):`);
  for (const c of report.crosscheck.checks) {
    const groups = c.groups.length > 0 ? `; ${c.groups.length} Gruppen Land × Jahr` : "";
    lines.push(`  ${c.id}: ${c.agreeing}/${c.compared} übereinstimmend (${(c.share_agreeing * 100).toFixed(1)} %), ${c.disagreeing} Abweichungen${groups}`);
  }
  return lines;
}
