import {mkdirSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, extname, join, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {buildReport} from "../../../src/shared/report/build.ts";
import {reportDocx} from "../../../src/shared/report/docx.ts";
import {reportHtml} from "../../../src/shared/report/html.ts";
import {reportMarkdown} from "../../../src/shared/report/markdown.ts";
import {reportFigures, type FigureImage, type Report} from "../../../src/shared/report/model.ts";
import {profileFiles, reportContext, reportRegions} from "../../exports/report-input.ts";
import type {ProfileFile} from "../../exports/profile-file.ts";
import {renderFigures, type FigureRenderer} from "../../report-draft/figures.ts";
import {withWarehouse} from "../../warehouse/open.ts";
import {queryRows} from "../../warehouse/sql.ts";
import {choice, defineCommand, type CommandIO} from "../command.ts";

const FORMATS = ["docx", "md", "html"] as const;
type Format = (typeof FORMATS)[number];

export const berichtCommand = defineCommand({
  name: "bericht",
  summary: "Berichtsentwurf einer Region (Word, Markdown oder HTML) aus dem Warehouse schreiben",
  help: `Aufruf: kbm bericht --region ID [--gruppe GRUPPE] [--format docx|md|html] [--out DATEI]
       kbm bericht --all --out ORDNER [--format docx|md|html]

  --region ID      Kreis (05315) oder Berliner Bezirk (11008008)
  --gruppe GRUPPE  Vergleichsgruppe (Standard: die, die das Profil zuerst zeigt, z. B. grossstaedte)
  --format FORMAT  docx (Standard, braucht --out), md oder html (ohne --out nach stdout)
  --out DATEI      Zieldatei; mit --all ein Ordner (eine Datei je Region, atomar geschrieben)
  --all            alle 412 Regionen mit Profil, Fortschritt auf stderr
  --ohne-abbildungen  Abbildungen nur als Bildbeschreibung (schnell, ohne Chromium)
  --warehouse FILE Warehouse (Standard: data/warehouse.duckdb)

Der Entwurf: Titelseite, Das Wichtigste in Kürze, Datenlage, ein Kapitel je Bereich des
Leitfadens (Abbildung, Tabelle und Text je Kennzahl), Quellen und Lizenzen. Abbildungen zeichnet
dieselbe Diagrammfunktion wie die Seite; gerastert in headless Chromium (KBM_CHROMIUM).
Markdown mit --out legt die Abbildungen als PNG in einen Ordner neben die Datei.
Unbekannte Region oder Gruppe: Exit-Code 2 mit den möglichen Werten.`,
  options: {region: {type: "string"}, gruppe: {type: "string"}, format: {type: "string"}, out: {type: "string"}, all: {type: "boolean"}, "ohne-abbildungen": {type: "boolean"}, warehouse: {type: "string"}},
  async run({values}, io) {
    const format = choice(values.format, FORMATS, "format", "docx");
    const warehouse = resolve(io.cwd, typeof values.warehouse === "string" ? values.warehouse : "data/warehouse.duckdb");
    const out = typeof values.out === "string" ? resolve(io.cwd, values.out) : null;
    const all = values.all === true;
    if (all && typeof values.region === "string") throw new UsageError("--all und --region schließen sich aus");
    if (all && !out) throw new UsageError("--all braucht --out ORDNER");
    if (!all && typeof values.region !== "string") throw new UsageError("--region ID oder --all fehlt");
    if (!all && format === "docx" && !out) throw new UsageError("--format docx braucht --out DATEI (Word-Dateien gehen nicht nach stdout)");
    const gruppe = typeof values.gruppe === "string" ? values.gruppe : null;

    // Chromium starts while the warehouse is read: the two take about as long.
    const starting = values["ohne-abbildungen"] === true || (format === "md" && !out) ? null : renderFigures();
    starting?.catch(() => {}); // awaited below; a failure to start is reported there
    try {
      await withWarehouse(warehouse, async (connection) => {
        const regions = await reportRegions(connection);
        const context = await reportContext(connection, warehouse);
        const ids = all ? regions.map((r) => r.id) : [resolveRegion(String(values.region), regions)];
        if (gruppe !== null && !(await groupIds(connection)).includes(gruppe)) {
          throw new UsageError(`Vergleichsgruppe ${JSON.stringify(gruppe)} gibt es nicht. Möglich:\n${(await groupIds(connection)).map((g) => `  ${g}`).join("\n")}`);
        }
        const renderer = starting ? await starting : null;
        if (!all) {
          for await (const file of profileFiles(connection, ids)) {
            const report = buildReport({...context, file, groupId: pickGroup(file, gruppe)});
            await writeReport(report, format, out, renderer, io);
          }
          return;
        }
        await writeAll(profileFiles(connection, ids), ids.length, {format, dir: out!, gruppe, renderer, context, io});
      });
    } finally {
      if (starting) await (await starting.catch(() => null))?.close();
    }
  }
});

async function groupIds(connection: Parameters<typeof reportRegions>[0]): Promise<string[]> {
  return (await queryRows(connection, "SELECT id FROM peer_groups ORDER BY sort, id")).map((r) => String(r.id));
}

/** The region for --region: an id of a Kreis or Bezirk; otherwise a usage error listing the closest choices. */
export function resolveRegion(query: string, regions: {id: string; name: string; level: string}[]): string {
  if (regions.some((r) => r.id === query)) return query;
  const q = query.toLowerCase();
  const byName = regions.filter((r) => r.name.toLowerCase() === q || r.name.toLowerCase().split(",")[0] === q);
  if (byName.length === 1) return byName[0]!.id;
  const close = regions.filter((r) => r.id.startsWith(query) || r.name.toLowerCase().includes(q)).slice(0, 20);
  const list = (close.length ? close : regions.filter((r) => r.level === "bezirk")).map((r) => `  ${r.id}  ${r.name}`).join("\n");
  throw new UsageError(
    `Region ${JSON.stringify(query)} hat kein Profil. ${close.length ? "Meinten Sie:" : "Möglich sind die 400 Kreise (kbm regions --level kreis) und die Berliner Bezirke:"}\n${list}`
  );
}

/** The comparison group: --gruppe if the region belongs to it, else the profile's default (the first). */
export function pickGroup(file: ProfileFile, gruppe: string | null): string {
  const ids = file.groups.map((g) => g.id);
  if (gruppe === null) {
    if (!ids.length) throw new UsageError(`${file.region.name} gehört zu keiner Vergleichsgruppe`);
    return ids[0]!;
  }
  if (!ids.includes(gruppe)) {
    throw new UsageError(`Vergleichsgruppe ${JSON.stringify(gruppe)} gibt es für ${file.region.name} nicht. Möglich:\n${file.groups.map((g) => `  ${g.id}  ${g.name} (${g.members})`).join("\n")}`);
  }
  return gruppe;
}

async function figuresFor(report: Report, renderer: FigureRenderer | null): Promise<Map<number, FigureImage>> {
  return renderer ? renderer.render(reportFigures(report).map((f) => ({number: f.number, chart: f.chart}))) : new Map();
}

/** Writes one report; to a temp file first and renamed, so no half-written file is left. */
async function writeReport(report: Report, format: Format, out: string | null, renderer: FigureRenderer | null, io: CommandIO): Promise<void> {
  const figures = await figuresFor(report, renderer);
  if (format === "md" && !out) {
    await write(io.stdout, reportMarkdown(report));
    return;
  }
  if (format === "html" && !out) {
    await write(io.stdout, reportHtml(report, figures));
    return;
  }
  writeReportFile(report, format, out!, figures, await bytesOf(report, format, out!, figures));
}

async function bytesOf(report: Report, format: Format, out: string, figures: Map<number, FigureImage>): Promise<Uint8Array | string> {
  if (format === "docx") return reportDocx(report, figures);
  if (format === "html") return reportHtml(report, figures);
  const dir = imageDir(out);
  return reportMarkdown(report, {imagePath: (n) => (figures.has(n) ? `${basename(dir)}/abbildung-${n}.png` : null)});
}

/** Markdown's figures go into "<name>-abbildungen/" beside the file. */
function imageDir(out: string): string {
  return join(dirname(out), `${basename(out, extname(out))}-abbildungen`);
}

function writeReportFile(report: Report, format: Format, out: string, figures: Map<number, FigureImage>, bytes: Uint8Array | string): void {
  mkdirSync(dirname(out), {recursive: true});
  if (format === "md" && figures.size) {
    const dir = imageDir(out);
    const tmpDir = `${dir}.tmp-${process.pid}`;
    rmSync(tmpDir, {recursive: true, force: true});
    mkdirSync(tmpDir, {recursive: true});
    for (const [n, image] of figures) writeFileSync(join(tmpDir, `abbildung-${n}.png`), image.png);
    rmSync(dir, {recursive: true, force: true});
    renameSync(tmpDir, dir);
  }
  const tmp = `${out}.tmp-${process.pid}`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, out);
}

interface AllOptions {
  format: Format;
  dir: string;
  gruppe: string | null;
  renderer: FigureRenderer | null;
  context: Awaited<ReturnType<typeof reportContext>>;
  io: CommandIO;
}

/**
 * Every region into a temp folder beside DIR, which replaces DIR only when all are written:
 * a failure leaves the previous DIR as it was.
 */
async function writeAll(files: AsyncIterable<ProfileFile>, total: number, {format, dir, gruppe, renderer, context, io}: AllOptions): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, {recursive: true, force: true});
  mkdirSync(tmp, {recursive: true});
  const started = Date.now();
  let done = 0;
  try {
    for await (const file of files) {
      // --gruppe applies where the region belongs to the group; others keep their default.
      const groupId = gruppe && file.groups.some((g) => g.id === gruppe) ? gruppe : pickGroup(file, null);
      const report = buildReport({...context, file, groupId});
      const figures = await figuresFor(report, renderer);
      const target = join(tmp, `${report.fileStem}.${format}`);
      writeReportFile(report, format, target, figures, await bytesOf(report, format, target, figures));
      done++;
      io.stderr.write(`\r${done}/${total} ${file.region.id} ${file.region.name}`.padEnd(60).slice(0, 80) + (done === total ? "\n" : ""));
    }
    if (done !== total) throw new Error(`nur ${done} von ${total} Regionen geschrieben`);
    rmSync(dir, {recursive: true, force: true});
    renameSync(tmp, dir);
    io.stderr.write(`${total} Entwürfe in ${dir} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    rmSync(tmp, {recursive: true, force: true});
    throw error;
  }
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((done, fail) => stream.write(text, (error) => (error ? fail(error) : done())));
}
