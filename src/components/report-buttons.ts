/**
 * The profile's "Berichtsentwurf" buttons. Tiny on purpose: the generator (docx library, report
 * model, figure rasterising) is imported only on click, so the profile page stays in budget.
 * Everything happens in the browser; nothing is sent anywhere.
 */
import type {ProfileFile} from "../../pipelines/exports/profile-file.ts";
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";

export interface ReportButtonsInput {
  file: ProfileFile;
  catalog: Indicator[];
  sources: Source[];
  /** The comparison group the profile shows now (null for the user's own set of regions). */
  groupId: () => string | null;
  /** report-meta.json (pull tables, build date), fetched on the first click. */
  loadMeta: () => Promise<{pullTables: {table: string; indicators: string[]}[]; builtAt: string | null}>;
}

export function reportButtons(input: ReportButtonsInput): HTMLElement {
  const box = document.createElement("div");
  box.className = "report-buttons no-print";
  box.style.cssText = "display:flex;flex-wrap:wrap;gap:0.5rem;align-items:center;margin:0.5rem 0";
  const status = document.createElement("span");
  status.className = "report-status";
  status.setAttribute("role", "status");
  for (const [format, label] of [["docx", "Berichtsentwurf (Word)"], ["md", "Berichtsentwurf (Markdown)"]] as const) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = label;
    button.addEventListener("click", async () => {
      const buttons = [...box.querySelectorAll("button")];
      buttons.forEach((b) => (b.disabled = true));
      status.textContent = "Entwurf wird erstellt …";
      try {
        const {downloadReport} = await import("./report-download.js");
        const name = await downloadReport(input, format);
        status.textContent = `${name} gespeichert.`;
      } catch (error) {
        status.textContent = `Der Entwurf ließ sich nicht erstellen: ${(error as Error).message}`;
      } finally {
        buttons.forEach((b) => (b.disabled = false));
      }
    });
    box.append(button);
  }
  box.append(status);
  return box;
}
