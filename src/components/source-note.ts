/**
 * The line under every chart: producer, publication with its code, reference date, licence.
 * A series can change source between years (INKAR until 2020, Strukturdaten 2023): the
 * note names the sources of the values actually shown. The text itself comes from the one
 * source label of the project, src/shared/source-label.ts.
 */
import type {Indicator, Source} from "../../pipelines/snapshot/format.ts";
import {sourceCode, sourceLabel} from "../shared/source-label.js";

export {sourceCode};

export function sourceNoteText(indicator: Indicator, sources: Source | Source[], period: string): string {
  return sourceLabel(indicator, sources, period);
}

export function sourceNote(indicator: Indicator, sources: Source | Source[], period: string): HTMLElement {
  const note = document.createElement("p");
  note.className = "source-note";
  note.textContent = sourceNoteText(indicator, sources, period);
  return note;
}
