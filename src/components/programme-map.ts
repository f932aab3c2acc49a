/**
 * Where the programme reaches: the eligible cities on a map of Germany (a dot on their Kreis,
 * coloured by the stage reached) and Berlin's twelve districts on their own map. Each links to
 * its statistics profile.
 */
import * as Plot from "@observablehq/plot";
import {geoPath, geoTransverseMercator, type GeoProjection} from "d3";
import {feature, mesh} from "topojson-client";
import type {Feature, FeatureCollection, Geometry} from "geojson";
import type {GeometryCollection, Topology} from "topojson-specification";
import {describeChart} from "./a11y.js";
import {STAGE_COLORS, STAGE_LABELS, STAGE_ORDER, type Stage} from "./programme-charts.js";

export interface MapMunicipality {
  id: string;
  name: string;
  type: string;
  profile_id: string | null;
  profile_name: string | null;
  stage: Stage;
}

type KreisFeature = Feature<Geometry, {id: string; name: string}>;

const stageScale = {type: "ordinal" as const, domain: STAGE_ORDER, range: STAGE_COLORS, tickFormat: (s: Stage) => STAGE_LABELS[s], legend: true, label: "Stufe"};

const profileHref = (m: {profile_id: string | null}) => (m.profile_id ? `/profil/${m.profile_id}` : null);

/**
 * Charts whose shapes are links: each link is named after its municipality, and the chart is a
 * labelled group rather than an image (an image may not contain interactive elements).
 */
function withNamedLinks<T extends Element>(chart: T, list: MapMunicipality[]): T {
  const names = new Map(list.filter((m) => m.profile_id).map((m) => [`/profil/${m.profile_id}`, `${m.name}: ${STAGE_LABELS[m.stage]} – zum Profil${m.profile_name ? ` der ${m.profile_name}` : ""}`]));
  for (const link of chart.querySelectorAll("a")) {
    const name = names.get(link.getAttribute("href") ?? "");
    if (name) link.setAttribute("aria-label", name);
  }
  for (const svg of chart.querySelectorAll("svg[role='img']")) svg.setAttribute("role", "group");
  if (chart.getAttribute("role") === "img") chart.setAttribute("role", "group");
  return chart;
}

function summary(list: MapMunicipality[]): string {
  return STAGE_ORDER.map((s) => [STAGE_LABELS[s], list.filter((m) => m.stage === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`)
    .join(", ");
}

const FONT = 11;
const RADIUS = 6;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Label {
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  /** The text placed: the point's text, or its short form (a number) where the text fits nowhere. */
  text: string;
  /** Far from its dot: draw a thin line to it. */
  leader: boolean;
}

interface LabelPoint {
  x: number;
  y: number;
  text: string;
  /** Used where `text` fits nowhere without overlap (a key number, explained under the map). */
  short?: string;
}

/**
 * Places one label per point so that no two labels and no label and dot overlap and every
 * label stays inside the frame: tries right, left, above, below and the diagonals, at growing
 * distances (far ones get a leader line). A label that fits nowhere is replaced by its short
 * form, placed the same way; only if that fails too does it go to its first position inside
 * the frame. Greedy, in the given order. Text width is estimated (0.6 em per character).
 */
export function placeLabels(points: LabelPoint[], frame: {width: number; height: number}, font = FONT): Label[] {
  const dots: Box[] = points.map(({x, y}) => ({x0: x - RADIUS, y0: y - RADIUS, x1: x + RADIUS, y1: y + RADIUS}));
  const placed: Box[] = [];
  const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const inside = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= frame.width && b.y1 <= frame.height;
  const candidates: [number, number, Label["anchor"], number][] = [];
  for (const k of [1, 1.8, 2.6, 3.6, 4.8, 6.2]) {
    const d = RADIUS + 3 * k;
    candidates.push([d, 0, "start", k], [-d, 0, "end", k], [0, -(d + 4), "middle", k], [0, d + 4, "middle", k], [d, -d, "start", k], [d, d, "start", k], [-d, -d, "end", k], [-d, d, "end", k]);
  }
  return points.map(({x, y, text, short}, i) => {
    const boxOf = (label: string, [dx, dy, anchor]: (typeof candidates)[number]): Box => {
      const w = label.length * font * 0.6;
      const h = font + 2;
      const left = anchor === "start" ? x + dx : anchor === "end" ? x + dx - w : x + dx - w / 2;
      return {x0: left, y0: y + dy - h / 2, x1: left + w, y1: y + dy + h / 2};
    };
    const fits = (label: string) => (c: (typeof candidates)[number]) => {
      const box = boxOf(label, c);
      return inside(box) && !placed.some((p) => overlaps(p, box)) && !dots.some((d, j) => j !== i && overlaps(d, box));
    };
    let label = text;
    let choice = candidates.find(fits(text));
    if (!choice && short !== undefined) {
      label = short;
      choice = candidates.find(fits(short));
    }
    choice ??= candidates.find((c) => inside(boxOf(label, c))) ?? candidates[0]!;
    placed.push(boxOf(label, choice));
    return {x: x + choice[0], y: y + choice[1], anchor: choice[2], text: label, leader: choice[3] > 2};
  });
}

/** Lines of "1 Name · 2 Name …" no wider than `width` (0.6 em per character). */
export function keyLines(entries: string[], width: number, font: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const entry of entries) {
    const next = line ? `${line} · ${entry}` : entry;
    if (line && next.length * font * 0.6 > width) {
      lines.push(line);
      line = entry;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Germany: the eligible cities (not Berlin's districts) as dots on their Kreis, by stage, each labelled. */
export function programmeMap(topology: Topology, municipalities: MapMunicipality[], {width}: {width: number}) {
  const object = topology.objects.kreise as GeometryCollection<{id: string; name: string}>;
  const kreise = feature(topology, object).features as KreisFeature[];
  const collection: FeatureCollection = {type: "FeatureCollection", features: kreise};
  const mapHeight = Math.round(width * 1.2);
  // One projection for Plot and for the label layout, fitted to the map's part of the frame (no margins).
  const projection: GeoProjection = geoTransverseMercator().rotate([-10, 0]).fitExtent([[4, 4], [width - 4, mapHeight - 4]], collection);
  const path = geoPath(projection);
  const byId = new Map(kreise.map((f) => [f.properties.id, f]));
  const berlin = byId.get("11000");
  const items = [
    ...municipalities
      .filter((m) => m.type !== "Berliner Bezirk" && m.profile_id !== null && byId.has(m.profile_id))
      .map((m) => ({...m, label: m.name, kreis: byId.get(m.profile_id!)!, berlin: false})),
    ...(berlin ? [{id: "berlin", name: "Berlin", type: "", profile_id: null, profile_name: null, stage: "eligible" as Stage, label: "Berlin (Bezirke: eigene Karte)", kreis: berlin, berlin: true}] : [])
  ].map((d) => {
    const [x, y] = path.centroid(d.kreis);
    return {...d, x, y};
  });
  // Top to bottom, so neighbours are placed in reading order.
  items.sort((a, b) => a.y - b.y || a.x - b.x);
  const labels = placeLabels(items.map((d, i) => ({x: d.x, y: d.y, text: d.label, short: String(i + 1)})), {width, height: mapHeight});
  // Names that fit nowhere on the map got a number; the key under the map names them.
  const numbered = items.map((d, i) => ({d, label: labels[i]!})).filter(({d, label}) => label.text !== d.label).map(({d, label}) => `${label.text} ${d.name}`);
  const key = numbered.length ? keyLines(numbered, width - 8, FONT) : [];
  const height = mapHeight + key.length * (FONT + 4) + (key.length ? 6 : 0);
  const lonLat = (x: number, y: number) => projection.invert!([x, y])!;
  const dots = items.map((d) => ({...d, lonlat: lonLat(d.x, d.y)}));
  const texts = items.map((d, i) => ({text: labels[i]!.text, anchor: labels[i]!.anchor, lonlat: lonLat(labels[i]!.x, labels[i]!.y)}));
  const leaders = items.map((d, i) => ({from: dots[i]!.lonlat, to: texts[i]!.lonlat, leader: labels[i]!.leader})).filter((l) => l.leader);
  const textMark = (anchor: Label["anchor"]) =>
    Plot.text(texts.filter((t) => t.anchor === anchor), {x: (t) => t.lonlat[0], y: (t) => t.lonlat[1], text: "text", textAnchor: anchor, lineAnchor: "middle", fontSize: FONT, fill: "#222", stroke: "white", strokeWidth: 3});
  const cities = dots.filter((d) => !d.berlin);
  const chart = Plot.plot({
    width,
    height,
    margin: 0,
    projection: () => projection,
    color: stageScale,
    marks: [
      Plot.geo(kreise, {fill: "#f2f2f2", stroke: "white", strokeWidth: 0.4}),
      // Länder borders: Kreis borders where the Land part of the key changes.
      Plot.geo(mesh(topology, object, (a, b) => (a.properties as {id: string}).id.slice(0, 2) !== (b.properties as {id: string}).id.slice(0, 2)), {stroke: "#9a9a9a", strokeWidth: 0.7}),
      Plot.dot(dots.filter((d) => d.berlin), {x: (d) => d.lonlat[0], y: (d) => d.lonlat[1], symbol: "square", r: 7, fill: "white", stroke: "#333", title: () => "Berlin: zwölf Bezirke, siehe Karte der Bezirke"}),
      Plot.dot(cities, {
        x: (d) => d.lonlat[0],
        y: (d) => d.lonlat[1],
        r: RADIUS,
        fill: "stage",
        stroke: "#333",
        href: profileHref,
        title: (d: (typeof cities)[number]) => `${d.name}: ${STAGE_LABELS[d.stage]}${d.profile_name ? `\nProfil: ${d.profile_name} (Kreis)` : ""}`,
        tip: true
      }),
      Plot.link(leaders, {x1: (l) => l.from[0], y1: (l) => l.from[1], x2: (l) => l.to[0], y2: (l) => l.to[1], stroke: "#777", strokeWidth: 0.7}),
      textMark("start"),
      textMark("end"),
      textMark("middle"),
      Plot.text(key.length ? [key.join("\n")] : [], {frameAnchor: "bottom-left", dx: 4, dy: -4, text: (t: string) => t, lineAnchor: "bottom", lineHeight: (FONT + 4) / FONT, fontSize: FONT, fill: "#222", textAnchor: "start"})
    ]
  });
  return withNamedLinks(describeChart(chart, `Karte der förderfähigen Städte außer Berlin: ${summary(cities)}.`), cities);
}

/** Label nudges (fractions of the width) where a district's centroid label would run into a neighbour's. */
const NUDGE: Record<string, [number, number]> = {"11002002": [0.03, 0.025], "11007007": [-0.035, 0.055]};

/** Below this width the districts carry their official numbers (1 Mitte … 12 Reinickendorf), named in a key under the map. */
const BERLIN_NAMES_MIN_WIDTH = 480;

/**
 * Where each district's label goes and what it says: the name (broken after its hyphen) where
 * its box overlaps no other label and stays inside the frame, else the district's number.
 * Larger districts first. Text width estimated at 0.6 em per character.
 */
export function berlinLabels(points: {key: string; x: number; y: number; name: string; area: number}[], frame: {width: number; height: number}, font: number): {key: string; text: string}[] {
  const boxes: Box[] = [];
  const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
  const number = (key: string) => String(Number(key.slice(3, 5)));
  const out = new Map<string, string>();
  for (const p of [...points].sort((a, b) => b.area - a.area)) {
    const name = p.name.replaceAll("-", "-\n");
    const lines = name.split("\n");
    const w = Math.max(...lines.map((l) => l.length)) * font * 0.6;
    const h = lines.length * font * 1.1;
    const box = {x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - h / 2, y1: p.y + h / 2};
    const fits = frame.width >= BERLIN_NAMES_MIN_WIDTH && box.x0 >= 0 && box.x1 <= frame.width && box.y0 >= 0 && box.y1 <= frame.height && !boxes.some((b) => overlaps(b, box));
    if (fits) {
      boxes.push(box);
      out.set(p.key, name);
    } else {
      const n = number(p.key);
      boxes.push({x0: p.x - font * 0.6, x1: p.x + font * 0.6, y0: p.y - font * 0.55, y1: p.y + font * 0.55});
      out.set(p.key, n);
    }
  }
  return points.map((p) => ({key: p.key, text: out.get(p.key)!}));
}

/** Berlin's twelve districts (ALKIS boundaries), coloured by stage, named (or numbered, with a key) and linked to their profiles. */
export function berlinMap(topology: Topology, districts: MapMunicipality[], {width}: {width: number}) {
  const object = topology.objects.bezirke as GeometryCollection<{id: string; name: string}>;
  const shapes = feature(topology, object).features as KreisFeature[];
  const byKey = new Map(districts.map((d) => [d.profile_id, d]));
  const rows = shapes.filter((f) => byKey.has(f.properties.id)).map((f) => ({...byKey.get(f.properties.id)!, shape: f, short: f.properties.name}));
  const mapHeight = Math.round(width * 0.82);
  const projection: GeoProjection = geoTransverseMercator().rotate([-13.4, 0]).fitExtent([[4, 4], [width - 4, mapHeight - 4]], {type: "FeatureCollection", features: shapes} as FeatureCollection);
  const path = geoPath(projection);
  const font = Math.max(9, Math.min(11, Math.round(width / 48)));
  const positioned = rows.map((d) => {
    const [x, y] = path.centroid(d.shape);
    const [nx, ny] = NUDGE[d.profile_id ?? ""] ?? [0, 0];
    return {d, x: x + nx * width, y: y + ny * width, area: path.area(d.shape)};
  });
  const placed = berlinLabels(positioned.map((p) => ({key: p.d.profile_id ?? "", x: p.x, y: p.y, name: p.d.short, area: p.area})), {width, height: mapHeight}, font);
  const labels = positioned.map((p, i) => ({...p.d, text: placed[i]!.text, lonlat: projection.invert!([p.x, p.y])!}));
  const numbered = labels.filter((l) => /^\d+$/.test(l.text)).sort((a, b) => Number(a.text) - Number(b.text)).map((l) => `${l.text} ${l.short}`);
  const key = keyLines(numbered, width - 8, font + 1);
  const height = mapHeight + key.length * (font + 5) + (key.length ? 6 : 0);
  const chart = Plot.plot({
    width,
    height,
    margin: 0,
    projection: () => projection,
    color: {...stageScale, legend: false},
    marks: [
      Plot.geo(rows, {
        geometry: (d) => d.shape,
        fill: "stage",
        stroke: "white",
        strokeWidth: 1.5,
        href: profileHref,
        title: (d: (typeof rows)[number]) => `${d.name}: ${STAGE_LABELS[d.stage]}`,
        tip: true
      }),
      Plot.text(labels, {
        x: (d) => d.lonlat[0],
        y: (d) => d.lonlat[1],
        text: "text",
        fontSize: font,
        lineHeight: 1.1,
        fill: (d) => (STAGE_ORDER.indexOf(d.stage) >= 4 ? "white" : "#111")
      }),
      Plot.text(key.length ? [key.join("\n")] : [], {frameAnchor: "bottom-left", dx: 4, dy: -4, text: (t: string) => t, lineAnchor: "bottom", lineHeight: (font + 5) / (font + 1), fontSize: font + 1, fill: "#222", textAnchor: "start"})
    ]
  });
  return withNamedLinks(describeChart(chart, `Berliner Bezirke: ${summary(rows)}.`), rows);
}
