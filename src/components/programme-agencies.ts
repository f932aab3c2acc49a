/**
 * Each Transferagentur side by side: one small chart per agency with the same scale (eligible
 * municipalities and how far they have come). Counts of municipalities only; the table next to
 * it on the page carries the events and people.
 */
import * as Plot from "@observablehq/plot";
import {describeChart} from "./a11y.js";
import {STAGE_COLORS, STAGE_ORDER} from "./programme-charts.js";
import {formatNumber} from "./format.js";

export interface AgencyFunnel {
  agency: string;
  funnel: {stage: string; label: string; municipalities: number}[];
}

/** One small multiple: the funnel of one agency on a shared x scale (0 … `max`). */
export function agencyChart(a: AgencyFunnel, {width, max}: {width: number; max: number}) {
  const chart = Plot.plot({
    width: Math.max(width, 240),
    height: 40 + a.funnel.length * 24,
    marginLeft: 118,
    marginRight: 28,
    x: {label: "Kommunen", domain: [0, Math.max(max, 1)], grid: true, ticks: Math.min(max, 5), tickFormat: "d"},
    y: {label: null, domain: a.funnel.map((f) => f.label)},
    color: {domain: STAGE_ORDER, range: STAGE_COLORS},
    marks: [
      Plot.barX(a.funnel, {x: "municipalities", y: "label", fill: "stage"}),
      Plot.text(a.funnel, {x: "municipalities", y: "label", text: (f) => formatNumber(f.municipalities, 0), dx: 4, textAnchor: "start", fontSize: 11}),
      Plot.ruleX([0])
    ]
  });
  return describeChart(chart, `Transferagentur ${a.agency}: ${a.funnel.map((f) => `${f.label} ${f.municipalities}`).join(", ")}.`);
}

/** The three agencies as small multiples: a row at desktop width, stacked on a phone. */
export function agencySmallMultiples(agencies: readonly AgencyFunnel[], {width}: {width: number}): HTMLElement {
  const columns = width >= 840 ? agencies.length : 1;
  const gap = 16;
  const each = Math.floor((width - gap * (columns - 1)) / columns);
  const max = Math.max(...agencies.map((a) => a.funnel[0]?.municipalities ?? 0));
  const root = document.createElement("div");
  root.className = "agency-multiples";
  root.style.display = "grid";
  root.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
  root.style.gap = `${gap}px`;
  for (const a of agencies) {
    const figure = document.createElement("figure");
    figure.style.margin = "0";
    const title = document.createElement("h3");
    title.textContent = `Transferagentur ${a.agency}`;
    figure.append(title, agencyChart(a, {width: each, max}));
    root.append(figure);
  }
  return root;
}
