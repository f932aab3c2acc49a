/**
 * The profile's first section, "Auf einen Blick", which is also the printed A4 Steckbrief:
 * on screen it opens the page; in print it is all there is, with a heading, the print date,
 * the data status and every source and licence. One table, so both always agree.
 */
import type {ProfileFile} from "../../pipelines/exports/profile-file.ts";
import type {Source} from "../../pipelines/snapshot/format.ts";
import {formatPeriod} from "./format.js";
import type {IndicatorView} from "./profile-model.js";
import {overviewRows, overviewTable} from "./profile-overview.js";
import {sourceOrigin, type LabelIndicator} from "../shared/source-label.js";

export interface SteckbriefOptions {
  comparisonLabel: string;
  /** Column head and chart line for the Land (for a Berlin district: "Berlin"). */
  landLabel: string | null;
  /** When the page was printed (the caller's clock). */
  printedAt: Date;
  /** Registry entries: the sources line names producer and publication per indicator. */
  catalog?: readonly (LabelIndicator & {id: string})[];
}

function p(className: string, text: string): HTMLParagraphElement {
  const node = document.createElement("p");
  node.className = className;
  node.textContent = text;
  return node;
}

/** "05.12.2026" in Berlin time. */
export function germanDate(date: Date): string {
  return new Intl.DateTimeFormat("de-DE", {day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin"}).format(date);
}

/** The newest period among the latest values: what "Datenstand" means on the sheet. */
export function dataStatus(views: IndicatorView[]): string {
  const periods = views.map((v) => v.latest?.period).filter((x): x is string => x !== undefined);
  if (!periods.length) return "keine Werte";
  const newest = periods.reduce((a, b) => (b.slice(0, 4) > a.slice(0, 4) || (b.slice(0, 4) === a.slice(0, 4) && b > a) ? b : a));
  const oldest = periods.reduce((a, b) => (b.slice(0, 4) < a.slice(0, 4) ? b : a));
  return `jüngster Wert ${formatPeriod(newest)}, ältester angezeigter Wert ${formatPeriod(oldest)} (Stand je Kennzahl in der Spalte „Stand“)`;
}

export function steckbrief(file: ProfileFile, views: IndicatorView[], sources: Map<string, Source>, {comparisonLabel, landLabel, printedAt, catalog = []}: SteckbriefOptions): HTMLElement {
  const root = document.createElement("section");
  root.className = "steckbrief profile-overview";
  root.setAttribute("aria-label", "Auf einen Blick");
  const heading = document.createElement("h2");
  heading.className = "print-only";
  heading.textContent = `Steckbrief ${file.region.name}`;
  root.append(heading);
  root.append(p("print-only steckbrief-meta", `Vergleich: ${comparisonLabel} · Gedruckt am ${germanDate(printedAt)} · Datenstand: ${dataStatus(views)}`));

  const rows = overviewRows(file, views);
  const scroll = document.createElement("div");
  scroll.className = "overview-scroll";
  scroll.append(overviewTable(rows, {caption: "Auf einen Blick", subcaption: `${file.region.name} · Vergleichsgruppe: ${comparisonLabel}`, landLabel, links: true}));
  root.append(scroll);

  const used = [...new Set(views.flatMap((v) => v.sources))].map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
  const origins = new Set<string>();
  for (const v of views) {
    const meta = catalog.find((i) => i.id === v.indicator.id);
    for (const id of v.sources) {
      const source = sources.get(id);
      if (source) origins.add(meta ? sourceOrigin(meta, source) : `${source.producer} – ${source.attribution}`);
    }
  }
  root.append(p("overview-legend", "Position: Platz 1 = höchster Wert der Vergleichsgruppe; „günstig“ nur bei Kennzahlen, deren Richtung das Indikatorenregister bewertet. Veränderung bei Anteilen in Prozentpunkten (Pp.). Verlauf: alle Zeilen auf derselben Zeitachse."));
  root.append(p("steckbrief-sources", `Quellen: ${[...origins].join("; ")}. Lizenzen: ${[...new Set(used.map((s) => s.licence))].join("; ")}. Hinweise zu jeder Kennzahl im Online-Profil /profil/${file.region.id}.`));
  return root;
}
