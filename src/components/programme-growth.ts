/**
 * How the network has grown: municipalities at each stage month by month, the as-of date
 * marked, the programme's published milestones as numbered markers (their texts and sources
 * go in a list under the chart, so no label can run into another), and the events held per
 * month. Counts of municipalities and events only.
 */
import * as Plot from "@observablehq/plot";
import type {Milestone} from "../../loaders/programme/types.ts";
import type {MonthFigures} from "../shared/programme-over-time.js";
import {describeChart} from "./a11y.js";
import {asOfLabelAnchor, STAGE_COLORS, STAGE_LABELS, STAGE_ORDER} from "./programme-charts.js";
import {utcFormatLocale} from "./programme-time.js";

const MIN_WIDTH = 300;
const STAGES = STAGE_ORDER.slice(1) as Exclude<(typeof STAGE_ORDER)[number], "eligible">[];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The milestones up to the as-of date, one marker per date, numbered in date order. */
export function milestoneMarkers(milestones: readonly Milestone[], asOf: string): {n: number; date: string; items: Milestone[]}[] {
  const dates = [...new Set(milestones.filter((m) => m.date <= asOf).map((m) => m.date))].sort();
  return dates.map((date, i) => ({n: i + 1, date, items: milestones.filter((m) => m.date === date)}));
}

export function growthChart(months: readonly MonthFigures[], milestones: readonly Milestone[], asOf: string, {width, eligible}: {width: number; eligible: number}) {
  const w = Math.max(width, MIN_WIDTH);
  const fmt = utcFormatLocale();
  const rows = months.flatMap((m) => STAGES.map((stage) => ({when: day(m.date), stage, n: m.stages[stage]})));
  const markers = milestoneMarkers(milestones, asOf);
  const first = months[0] ? day(`${months[0].month}-01`) : day(asOf);
  const last = day(asOf);
  const marginLeft = 36;
  const marginRight = 12;
  const x = (d: Date) => marginLeft + ((d.getTime() - first.getTime()) / Math.max(1, last.getTime() - first.getTime())) * (w - marginLeft - marginRight);
  const asOfText = `Stichtag ${german(asOf)}`;
  const anchor = asOfLabelAnchor(x(last), w, asOfText);
  const chart = Plot.plot({
    width: w,
    height: 300,
    marginLeft,
    marginRight,
    marginTop: 46,
    x: {type: "utc", domain: [first, last], label: null, tickFormat: fmt.format(w < 520 ? "%b %y" : "%b %Y"), ticks: w < 520 ? 4 : 8},
    y: {label: "Kommunen", domain: [0, Math.max(eligible, 1)], grid: true},
    color: {domain: STAGES, range: STAGE_COLORS.slice(1), tickFormat: (s: (typeof STAGES)[number]) => STAGE_LABELS[s], legend: true, label: "mindestens erreicht"},
    marks: [
      Plot.ruleY([eligible], {stroke: "#888", strokeDasharray: "2,3"}),
      // Below the line, clear of the milestone markers in the top margin.
      Plot.text([eligible], {y: (d) => d, frameAnchor: "left", text: () => `förderfähig: ${eligible}`, dy: 9, dx: 14, fill: "#555", fontSize: 10, textAnchor: "start"}),
      Plot.line(rows, {x: "when", y: "n", stroke: "stage", strokeWidth: 2, curve: "step-after"}),
      Plot.dot(rows.filter((r) => r.when.getTime() === last.getTime()), {x: "when", y: "n", fill: "stage", r: 3}),
      Plot.ruleX([last], {stroke: "#b30000", strokeDasharray: "4,3"}),
      // Two rows in the top margin: the as-of label above, the milestone markers below it.
      Plot.text([last], {x: (d) => d, frameAnchor: "top", text: () => asOfText, dy: -36, dx: anchor === "start" ? 4 : -4, fill: "#b30000", textAnchor: anchor, fontSize: 10}),
      Plot.ruleX(markers, {x: (m) => day(m.date), stroke: "#555", strokeOpacity: 0.5}),
      Plot.dot(markers, {x: (m) => day(m.date), frameAnchor: "top", r: 8, fill: "white", stroke: "#333", dy: -12}),
      Plot.text(markers, {x: (m) => day(m.date), frameAnchor: "top", text: (m) => String(m.n), dy: -12, fontSize: 10, fontWeight: "bold"}),
      Plot.tip(rows.filter((r) => r.stage === "contact"), Plot.pointerX({x: "when", y: "n", title: (r) => monthTip(months, r.when)}))
    ]
  });
  const end = months.at(-1);
  const message = end
    ? `Wachstum des Netzwerks bis ${german(asOf)}: ${STAGES.map((s) => `${STAGE_LABELS[s]} ${end.stages[s]}`).join(", ")} von ${eligible} förderfähigen Kommunen${markers.length ? `; ${markers.length} veröffentlichte Meilensteine markiert` : ""}.`
    : "Noch keine Daten.";
  return describeChart(chart, message);
}

function monthTip(months: readonly MonthFigures[], when: Date): string {
  const m = months.find((x) => x.date === when.toISOString().slice(0, 10));
  if (!m) return "";
  return [`Stand ${german(m.date)}`, ...STAGES.map((s) => `${STAGE_LABELS[s]}: ${m.stages[s]}`), `Veranstaltungen im Monat: ${m.events_held}`].join("\n");
}

const EVENT_TYPES = ["Auftaktveranstaltung", "Kommunalsalon", "Analyseworkshop", "Fortbildung", "Fachgruppentreffen", "Exkursion"];
const EVENT_COLORS = ["#54278f", "#e6550d", "#3182bd", "#31a354", "#756bb1", "#969696"];

/** Events held per month, stacked by type. */
export function eventsPerMonthChart(months: readonly MonthFigures[], {width}: {width: number}) {
  const w = Math.max(width, MIN_WIDTH);
  const fmt = utcFormatLocale();
  const rows = months.flatMap((m) => Object.entries(m.events_by_type).map(([type, n]) => ({month: day(`${m.month}-01`), type, n})));
  const max = Math.max(1, ...months.map((m) => m.events_held));
  const chart = Plot.plot({
    width: w,
    height: 220,
    marginLeft: 36,
    x: {type: "band", domain: months.map((m) => day(`${m.month}-01`)), label: null, tickFormat: (d: Date) => (d.getUTCMonth() % (w < 520 ? 6 : 3) === 0 ? fmt.format(w < 520 ? "%b %y" : "%b %Y")(d) : ""), tickSize: 0, padding: 0.15},
    y: {label: "Veranstaltungen", domain: [0, max], grid: true, ticks: Math.min(max, 5), tickFormat: "d"},
    color: {domain: EVENT_TYPES, range: EVENT_COLORS, legend: true},
    marks: [
      Plot.barY(rows, {x: "month", y: "n", fill: "type", title: (r) => `${fmt.format("%B %Y")(r.month)}: ${r.n} ${r.type}`, tip: true}),
      Plot.ruleY([0])
    ]
  });
  const total = months.reduce((sum, m) => sum + m.events_held, 0);
  const busiest = [...months].sort((a, b) => b.events_held - a.events_held)[0];
  return describeChart(chart, `Stattgefundene Veranstaltungen je Monat: ${total} insgesamt${busiest && busiest.events_held > 0 ? `, die meisten im ${fmt.format("%B %Y")(day(`${busiest.month}-01`))} (${busiest.events_held})` : ""}.`);
}
