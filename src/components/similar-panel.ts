/**
 * "Warum diese?": the region and its similar regions side by side on the context indicators
 * (values and z-scores), a sentence on what makes them alike, and weight sliders that
 * recompute the neighbours in the browser with the warehouse's own code
 * (src/shared/similarity.ts). Loaded on demand by similar-entry.ts.
 */
import {fromExport, nearest, similarityProfile, similaritySentence, type Neighbour, type SimilarContextFile, type SimilarLevelData} from "../shared/similarity.js";
import {formatNumber} from "./format.js";
import {setParam, weightsFromSearch} from "./similar-entry.js";

const STYLE = `
.similar-panel { margin: 0.75rem 0 1.5rem; padding: 0.75rem 1rem; border: 1px solid var(--theme-foreground-faint, #ccc); border-radius: 6px; max-width: 100%; }
.similar-panel h2 { margin-top: 0; font-size: 1.15rem; }
.similar-panel .similar-own { background: #fff4d6; border-left: 4px solid #b7791f; padding: 0.4rem 0.6rem; margin: 0.5rem 0; }
.similar-panel table { border-collapse: collapse; font-size: 0.82rem; width: 100%; }
.similar-panel th, .similar-panel td { padding: 0.2rem 0.35rem; text-align: right; vertical-align: top; border-bottom: 1px solid #eee; }
.similar-panel th:first-child, .similar-panel td:first-child { text-align: left; }
.similar-panel tr.self td { font-weight: 600; background: #f3f6fb; }
.similar-panel .z { display: block; color: #555; font-size: 0.72rem; }
.similar-panel .weights { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.3rem 1rem; margin: 0.6rem 0; }
.similar-panel .weights label { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 0.85rem; }
.similar-panel .weights input { width: 7rem; }
.similar-panel .table-wrap { overflow-x: auto; }
.similar-panel .similar-note { font-size: 0.78rem; color: #444; }
`;

export interface PanelOptions {
  region: string;
  level: string;
  regionName: string;
}

export function similarPanel(file: SimilarContextFile, options: PanelOptions): HTMLElement {
  const root = document.createElement("section");
  root.className = "similar-panel";
  root.setAttribute("aria-label", "Warum diese Vergleichsregionen?");
  const style = document.createElement("style");
  style.textContent = STYLE;
  root.append(style);
  const level = file[options.level as "kreis" | "bezirk"];
  const data = level ? fromExport(level) : null;
  if (!level || !data || !level.rows.some((r) => r.id === options.region)) {
    root.append(paragraph(`Für ${options.regionName} gibt es keine ähnlichen Kommunen: Sie werden nur für Kreise und Berliner Bezirke berechnet.`));
    return root;
  }
  const heading = document.createElement("h2");
  heading.textContent = `Warum diese? Ähnliche Kommunen für ${options.regionName}`;
  const intro = paragraph(
    `Verglichen wird mit den ${level.k} ${options.level === "bezirk" ? "Berliner Bezirken" : "Kreisen"}, deren Ausgangslage ${options.regionName} am ähnlichsten ist: ` +
      `gemessen an ${level.indicators.length} Kontextmerkmalen (Einwohnerzahl und Dichte logarithmiert), jedes als z-Wert (Abstand vom Mittel aller ${level.rows.length} ${options.level === "bezirk" ? "Bezirke" : "Kreise"} in Standardabweichungen), ` +
      `mit gleichem Gewicht und als gewichtete euklidische Distanz. Bei gleicher Distanz entscheidet der Schlüssel.`
  );
  const sentence = paragraph("");
  sentence.className = "similar-sentence";
  const own = document.createElement("p");
  own.className = "similar-own";
  own.setAttribute("role", "status");
  const weightsBox = document.createElement("fieldset");
  weightsBox.className = "weights";
  const legend = document.createElement("legend");
  legend.textContent = "Gewichte anpassen (0 = Merkmal weglassen)";
  weightsBox.append(legend);
  const tableWrap = document.createElement("div");
  tableWrap.className = "table-wrap";
  const reset = document.createElement("button");
  reset.type = "button";
  reset.textContent = "Standardgewichte";

  const defaults = Object.fromEntries(level.indicators.map((i) => [i.id, i.weight]));
  let weights: Record<string, number> = {...defaults, ...weightsFromSearch(location.search, level.indicators.map((i) => i.id))};
  const inputs = new Map<string, HTMLInputElement>();
  for (const i of level.indicators) {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "range";
    input.min = "0";
    input.max = "3";
    input.step = "0.5";
    input.value = String(weights[i.id]);
    input.setAttribute("aria-label", `Gewicht ${i.name}`);
    const shown = document.createElement("output");
    shown.textContent = formatNumber(weights[i.id]!, 1);
    input.addEventListener("input", () => {
      weights = {...weights, [i.id]: Number(input.value)};
      shown.textContent = formatNumber(Number(input.value), 1);
      update();
    });
    inputs.set(i.id, input);
    const name = document.createElement("span");
    name.textContent = i.name;
    label.append(name, input, shown);
    weightsBox.append(label);
  }
  reset.addEventListener("click", () => {
    weights = {...defaults};
    for (const [id, input] of inputs) {
      input.value = String(defaults[id]);
      input.dispatchEvent(new Event("input"));
    }
  });

  const update = () => {
    const custom = level.indicators.some((i) => weights[i.id] !== defaults[i.id]);
    const active = level.indicators.filter((i) => weights[i.id]! > 0).length;
    setParam("gewichte", custom ? level.indicators.filter((i) => weights[i.id] !== defaults[i.id]).map((i) => `${i.id}:${weights[i.id]}`).join(",") : null);
    if (active === 0) {
      own.hidden = false;
      own.textContent = "Alle Gewichte stehen auf 0: ohne Merkmal gibt es keine Ähnlichkeit. Bitte mindestens ein Merkmal wählen.";
      tableWrap.replaceChildren();
      sentence.textContent = "";
      return;
    }
    const neighbours = nearest(data, options.region, level.k, weights);
    own.hidden = !custom;
    own.textContent = custom
      ? "Eigene Gewichtung: Dies sind NICHT die Standard-Vergleichsregionen. Ränge, Mediane und Quartile im Profil beziehen sich weiter auf die Standardgruppe „Ähnliche Kommunen“ mit gleichen Gewichten."
      : "";
    sentence.textContent = similaritySentence(options.regionName, similarityProfile(level.indicators, neighbours, weights), level.indicators.filter((i) => i.kind === "categorical").map((i) => i.id));
    tableWrap.replaceChildren(table(level, options.region, neighbours, weights));
  };
  root.append(heading, intro, sentence, own, weightsBox, reset, tableWrap, note(level));
  update();
  return root;
}

function table(level: SimilarLevelData, self: string, neighbours: Neighbour[], weights: Record<string, number>): HTMLTableElement {
  const rows = new Map(level.rows.map((r) => [r.id, r]));
  const t = document.createElement("table");
  const caption = document.createElement("caption");
  caption.className = "sr-only";
  caption.textContent = "Region und ähnliche Regionen: Kontextwerte mit z-Werten, Distanz und größter Unterschied";
  const head = t.createTHead().insertRow();
  for (const h of ["Region", "Distanz", ...level.indicators.map((i) => i.name), "Größter Unterschied"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    head.append(th);
  }
  const body = t.createTBody();
  const add = (id: string, neighbour: Neighbour | null) => {
    const r = rows.get(id)!;
    const tr = body.insertRow();
    if (!neighbour) tr.className = "self";
    const name = tr.insertCell();
    const link = document.createElement("a");
    link.href = `../profil/${id}`;
    link.textContent = r.name;
    name.append(link);
    tr.insertCell().textContent = neighbour ? formatNumber(neighbour.distance, 2) : "–";
    for (const i of level.indicators) {
      const cell = tr.insertCell();
      if (weights[i.id] === 0) cell.style.opacity = "0.45";
      const v = r.value[i.id];
      const z = r.z[i.id];
      if (v === null || v === undefined) {
        cell.textContent = "keine Angabe";
        continue;
      }
      cell.append(typeof v === "string" ? v : formatContext(i.id, v));
      if (typeof z === "number") {
        const small = document.createElement("span");
        small.className = "z";
        small.textContent = `z ${formatNumber(z, 1)}`;
        cell.append(small);
      }
    }
    const biggest = tr.insertCell();
    if (neighbour) {
      const top = level.indicators
        .map((i) => ({name: i.name, share: neighbour.contributions[i.id] ?? 0}))
        .sort((a, b) => b.share - a.share)[0];
      biggest.textContent = top && top.share > 0 ? `${top.name} (${formatNumber(100 * top.share, 0)} %)` : "–";
    } else biggest.textContent = "–";
  };
  add(self, null);
  for (const n of neighbours) add(n.id, n);
  return t;
}

/** Sizes without decimals, shares and rates with one, income in whole euros. */
function formatContext(id: string, v: number): string {
  if (id === "einwohner" || id === "dichte") return formatNumber(v, 0);
  if (id === "einkommen") return `${formatNumber(v, 0)}\u00a0€`;
  return `${formatNumber(v, 1)}\u00a0%`;
}

function note(level: SimilarLevelData): HTMLElement {
  const p = document.createElement("p");
  p.className = "similar-note";
  const parts = level.indicators.map((i) => `${i.name}: ${i.source_indicator ? `${i.period ?? "–"} (Kennzahl ${i.source_indicator})` : "Gebietsstand 01.07.2021"}`);
  p.textContent =
    `Stand der Merkmale: ${parts.join("; ")}. Je Merkmal das neueste Jahr, für das alle Regionen einen Wert haben. ` +
    `Quellen: Statistische Ämter des Bundes und der Länder (Regionaldatenbank), INKAR (BBSR Bonn), Amt für Statistik Berlin-Brandenburg; Lizenz dl-de/by-2-0. ` +
    `Berechnung: docs/data.md, „Ähnliche Kommunen“; dieselbe Rechnung wie im Warehouse (kbm peers).`;
  return p;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement("p");
  p.textContent = text;
  return p;
}
