/**
 * Charts of the programme dashboard (/programm/): functions (data, {width}) → chart, each with
 * a text alternative that states its message. Stage colours are shared with programme-map.ts.
 */
import * as Plot from "@observablehq/plot";
import {utcFormatLocale} from "./programme-time.js";
import {describeChart} from "./a11y.js";
import {formatNumber} from "./format.js";
import type {Reach} from "../../pipelines/programme/reach.ts";

export type Stage = Reach["funnel"][number]["stage"];

export const STAGE_LABELS: Record<Stage, string> = {
  eligible: "förderfähig, noch kein Kontakt",
  contact: "im Austausch",
  analysis: "Analyseworkshop",
  agreement: "Vereinbarung",
  training: "Fortbildung",
  topic_group: "Fachgruppe"
};
export const STAGE_ORDER: Stage[] = ["eligible", "contact", "analysis", "agreement", "training", "topic_group"];
/** Light to dark: the further a municipality is, the darker (grey: eligible, no contact yet). */
export const STAGE_COLORS = ["#d4d4d4", "#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b"];

export function stageColor(stage: Stage): string {
  return STAGE_COLORS[STAGE_ORDER.indexOf(stage)]!;
}

/** Percent with German decimals: 0.2213 → "22,1 %". */
export function formatShare(share: number, decimals = 1): string {
  return `${formatNumber(share * 100, decimals)}\u00a0%`;
}

/** Eligible → contact → … → topic group, as horizontal bars with the count at each bar. */
/** Below this width the left margins (labels) would leave bars a negative width. */
const MIN_WIDTH = 360;

export function funnelChart(funnel: Reach["funnel"], {width}: {width: number}) {
  const total = funnel[0]?.municipalities ?? 0;
  const chart = Plot.plot({
    // Framework may measure a not-yet-laid-out container as 0 px wide: never narrower than the margins allow.
    width: Math.max(width, MIN_WIDTH),
    height: 40 + funnel.length * 34,
    marginLeft: 130,
    marginRight: 40,
    x: {label: "Kommunen", domain: [0, Math.max(total, 1)], grid: true},
    y: {label: null, domain: funnel.map((f) => f.label)},
    color: {domain: STAGE_ORDER, range: STAGE_COLORS},
    marks: [
      Plot.barX(funnel, {x: "municipalities", y: "label", fill: "stage"}),
      Plot.text(funnel, {x: "municipalities", y: "label", text: (f) => formatNumber(f.municipalities, 0), dx: 6, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  return describeChart(chart, `Stufen der Zusammenarbeit: ${funnel.map((f) => `${f.label} ${f.municipalities}`).join(", ")}.`);
}

/**
 * Where the as-of label goes: right of the line while there is room, else left of it, so the
 * whole word "Stichtag" and the date stay inside the frame.
 */
export function asOfLabelAnchor(x: number, width: number, text: string, fontSize = 10): "start" | "end" {
  return x + 4 + text.length * fontSize * 0.62 <= width ? "start" : "end";
}

export interface TimelineEvent {
  id: string;
  type: string;
  date: string;
  title: string;
  host_name: string;
  cancelled: boolean;
}

const EVENT_TYPES = ["Auftaktveranstaltung", "Kommunalsalon", "Analyseworkshop", "Fortbildung", "Fachgruppentreffen", "Exkursion"];

/** Every event on a time axis, one row per type: filled = held, ring = planned, × = cancelled. */
export function eventTimeline(events: TimelineEvent[], asOf: string, {width}: {width: number}) {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const status = (e: TimelineEvent) => (e.cancelled ? "abgesagt" : e.date <= asOf ? "stattgefunden" : "geplant");
  const rows = events.map((e) => ({...e, when: day(e.date), status: status(e)}));
  const german = utcFormatLocale();
  const w = Math.max(width, MIN_WIDTH);
  const marginLeft = 150;
  const marginRight = 20;
  // Where the as-of line falls, to keep its label inside the frame (it was cut to "Stic" at the right edge).
  const times = [...rows.map((r) => r.when.getTime()), day(asOf).getTime()];
  const [min, max] = [Math.min(...times), Math.max(...times)];
  const asOfX = marginLeft + ((day(asOf).getTime() - min) / Math.max(1, max - min)) * (w - marginLeft - marginRight);
  const asOfText = `Stichtag ${german.format("%d.%m.%Y")(day(asOf))}`;
  const anchor = asOfLabelAnchor(asOfX, w - marginRight, asOfText, 11);
  const chart = Plot.plot({
    // Framework may measure a not-yet-laid-out container as 0 px wide: never narrower than the margins allow.
    width: w,
    height: 60 + EVENT_TYPES.length * 34,
    marginLeft,
    marginRight,
    // Fewer, shorter ticks on a phone: eight "Jul 2014" labels collide at 390 px.
    x: {type: "utc", label: null, tickFormat: german.format(w < 520 ? "%b %y" : "%b %Y"), ticks: w < 520 ? 3 : 8},
    y: {label: null, domain: EVENT_TYPES},
    // The card's subtitle explains the symbols: Plot's legend would draw "geplant" filled.
    symbol: {domain: ["stattgefunden", "geplant", "abgesagt"], range: ["circle", "circle", "times"]},
    marks: [
      Plot.ruleX([day(asOf)], {stroke: "#b30000", strokeDasharray: "4,3"}),
      Plot.text([day(asOf)], {x: (d) => d, frameAnchor: "top", text: () => asOfText, dy: -2, fill: "#b30000", textAnchor: anchor, dx: anchor === "start" ? 4 : -4, fontSize: 11}),
      Plot.dot(rows, {
        x: "when",
        y: "type",
        symbol: "status",
        r: 5,
        fill: (d) => (d.status === "stattgefunden" ? "#08519c" : "none"),
        stroke: (d) => (d.status === "abgesagt" ? "#767676" : "#08519c"),
        strokeWidth: 1.5,
        title: (d) => `${d.title}\n${german.format("%d.%m.%Y")(d.when)}, ${d.host_name} · ${d.status}`,
        tip: true
      })
    ]
  });
  const held = rows.filter((r) => r.status === "stattgefunden").length;
  const planned = rows.filter((r) => r.status === "geplant").length;
  return describeChart(chart, `Zeitleiste der Veranstaltungen: ${held} stattgefunden, ${planned} geplant, ${rows.length - held - planned} abgesagt (Stichtag ${german.format("%d.%m.%Y")(day(asOf))}).`);
}

/** Shares of the departments among the municipal participants; hidden cells (privacy rule) say "verborgen". */
export function departmentChart(departments: Reach["departments"], {width}: {width: number}) {
  const rows = departments.map((d) => ({...d, label: d.share === null ? "verborgen" : `${formatShare(d.share, 0)} (${formatNumber(d.people, 0)})`}));
  const max = Math.max(0.05, ...rows.map((d) => d.share ?? 0));
  const chart = Plot.plot({
    // Framework may measure a not-yet-laid-out container as 0 px wide: never narrower than the margins allow.
    width: Math.max(width, MIN_WIDTH),
    height: 40 + rows.length * 30,
    marginLeft: 200,
    marginRight: 70,
    x: {label: "Anteil an den kommunalen Teilnehmenden", domain: [0, max], tickFormat: (d: number) => formatShare(d, 0), grid: true},
    y: {label: null, domain: rows.map((d) => d.department)},
    marks: [
      Plot.barX(rows.filter((d) => d.share !== null), {x: "share", y: "department", fill: "#3182bd"}),
      Plot.text(rows, {x: (d) => d.share ?? 0, y: "department", text: "label", dx: 6, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  const shown = rows.filter((d) => d.share !== null).map((d) => `${d.department} ${formatShare(d.share!, 0)}`);
  return describeChart(chart, `Kommunale Teilnehmende nach Bereich: ${shown.join(", ") || "alle Zellen verborgen (Datenschutz)"}.`);
}

/** People figures may be hidden (null) under the privacy rule: no bar, the word "verborgen". */
type Participants = Record<string, {people: number | null; attendances: number | null; organisations: readonly string[]}>;
const count = (n: number | null, unit: string) => (n === null ? `${unit} verborgen` : `${formatNumber(n, 0)} ${unit}`);

/** Distinct people (dark) and attendances (light) at the held events of each type. */
export function participantChart(participants: Participants, {width}: {width: number}) {
  const rows = Object.entries(participants).map(([type, p]) => ({type, ...p}));
  const chart = Plot.plot({
    // Framework may measure a not-yet-laid-out container as 0 px wide: never narrower than the margins allow.
    width: Math.max(width, MIN_WIDTH),
    height: 60 + rows.length * 32,
    marginLeft: 150,
    marginRight: 170,
    x: {label: "Anzahl", grid: true},
    y: {label: null, domain: rows.map((r) => r.type)},
    color: {domain: ["Personen", "Teilnahmen"], range: ["#08519c", "#9ecae1"], legend: true},
    marks: [
      Plot.barX(rows.filter((r) => r.attendances !== null), {x: "attendances", y: "type", fill: () => "Teilnahmen"}),
      Plot.barX(rows.filter((r) => r.people !== null), {x: "people", y: "type", fill: () => "Personen"}),
      Plot.text(rows, {x: (r) => r.attendances ?? r.people ?? 0, y: "type", text: (r) => `${count(r.people, "Personen")} · ${count(r.attendances, "Teilnahmen")}`, dx: 6, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  const people = rows.filter((r) => r.people !== 0).map((r) => `${r.type} ${count(r.people, "Personen")} (${count(r.attendances, "Teilnahmen")})`);
  return describeChart(chart, `Teilnehmende je Veranstaltungsart: ${people.join(", ") || "noch keine"}.`);
}

export interface IndicatorRow {
  label: string;
  value: number | null;
  /** Period of the value; named at the bar when the rows' periods differ. */
  period: string | null;
}

/** One indicator for the engaged municipalities, side by side; no value is "kein Wert", never 0. */
export function indicatorChart(rows: IndicatorRow[], {width, unit, decimals, label}: {width: number; unit: string; decimals: number; label: string}) {
  const sorted = [...rows].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.label.localeCompare(b.label, "de"));
  const mixed = new Set(sorted.filter((r) => r.value !== null).map((r) => r.period)).size > 1;
  const text = (r: IndicatorRow) => (r.value === null ? "kein Wert" : `${formatNumber(r.value, decimals)}${unit ? `\u00a0${unit}` : ""}${mixed ? ` (${r.period})` : ""}`);
  const chart = Plot.plot({
    // Framework may measure a not-yet-laid-out container as 0 px wide: never narrower than the margins allow.
    width: Math.max(width, MIN_WIDTH),
    height: 40 + sorted.length * 22,
    marginLeft: 230,
    marginRight: 110,
    x: {label, grid: true, tickFormat: (d: number) => formatNumber(d, 0)},
    y: {label: null, domain: sorted.map((r) => r.label)},
    marks: [
      Plot.barX(sorted.filter((r) => r.value !== null), {x: "value", y: "label", fill: "#3182bd"}),
      Plot.text(sorted, {x: (r: IndicatorRow) => r.value ?? 0, y: "label", text, dx: 6, textAnchor: "start"}),
      Plot.ruleX([0])
    ]
  });
  const withValue = sorted.filter((r) => r.value !== null);
  const message = withValue.length
    ? `${label}: von ${text(withValue.at(-1)!)} (${withValue.at(-1)!.label}) bis ${text(withValue[0]!)} (${withValue[0]!.label}); ${sorted.length - withValue.length} ohne Wert.`
    : `${label}: keine der Kommunen hat einen Wert.`;
  return describeChart(chart, message);
}
