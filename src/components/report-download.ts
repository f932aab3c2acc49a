/**
 * Builds the report draft in the browser (loaded by report-buttons.ts on click): the same model,
 * writers and chart code as `kbm bericht`, figures rasterised through a canvas, saved as a file.
 */
import {buildReport} from "../shared/report/build.js";
import {reportDocx} from "../shared/report/docx.js";
import {renderFigureImages} from "../shared/report/figures.js";
import {reportMarkdown} from "../shared/report/markdown.js";
import {reportFigures} from "../shared/report/model.js";
import {saveBlob} from "./download.js";
import type {ReportButtonsInput} from "./report-buttons.js";

/** Builds and saves the draft; returns the file name. */
export async function downloadReport(input: ReportButtonsInput, format: "docx" | "md"): Promise<string> {
  const meta = await input.loadMeta();
  // A user's own set of regions has no group median per year: the draft uses the default group.
  const groupId = input.groupId() ?? input.file.region.groups[0]!;
  const report = buildReport({file: input.file, groupId, catalog: input.catalog, sources: input.sources, pullTables: meta.pullTables, builtAt: meta.builtAt});
  let blob: Blob;
  if (format === "docx") {
    const figures = await renderFigureImages(reportFigures(report).map((f) => ({number: f.number, chart: f.chart})));
    blob = new Blob([(await reportDocx(report, figures)) as Uint8Array<ArrayBuffer>], {type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"});
  } else {
    blob = new Blob([reportMarkdown(report)], {type: "text/markdown;charset=utf-8"});
  }
  const name = `${report.fileStem}.${format}`;
  saveBlob(blob, name);
  return name;
}
