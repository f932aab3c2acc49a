/**
 * /eigene-daten/: choosing the files and listing their problems. The files are read with
 * File.arrayBuffer() and checked in the browser by the shared module (src/shared/own-data);
 * nothing is sent anywhere. The form's value is what was chosen; it fires "input" on change.
 */
import {checkOwnFiles, dataTemplate, metaTemplate, type CheckResult, type OwnFile, type OwnProblem} from "../shared/own-data/index.js";
import {downloadButton} from "./download.js";
import {formatNumber} from "./format.js";

export interface Chosen {
  files: {data: OwnFile | null; meta: OwnFile | null; geo: OwnFile | null};
  threshold: number;
  kreis: string;
  /** The worked example was loaded (the page names it as such). */
  example: boolean;
}

export interface FormOptions {
  /** Kreise for the comparison value: id and name. */
  kreise: {id: string; name: string}[];
  /** The worked example's three files (fetched from this site on request). */
  loadExample: () => Promise<{data: OwnFile; meta: OwnFile; geo: OwnFile}>;
  exampleKreis: string;
}

async function readFile(input: HTMLInputElement): Promise<OwnFile | null> {
  const file = input.files?.[0];
  return file ? {name: file.name, bytes: new Uint8Array(await file.arrayBuffer())} : null;
}

function fileField(label: string, name: string, accept: string, hint: string): {wrap: HTMLElement; input: HTMLInputElement} {
  const wrap = document.createElement("div");
  wrap.className = "own-file";
  const id = `own-${name}`;
  const l = document.createElement("label");
  l.htmlFor = id;
  l.textContent = label;
  const input = document.createElement("input");
  input.type = "file";
  input.id = id;
  input.name = name;
  input.accept = accept;
  const small = document.createElement("small");
  small.textContent = hint;
  wrap.append(l, input, small);
  return {wrap, input};
}

export function ownDataForm({kreise, loadExample, exampleKreis}: FormOptions): HTMLFormElement & {value: Chosen} {
  const form = document.createElement("form") as HTMLFormElement & {value: Chosen};
  form.className = "own-form";
  form.addEventListener("submit", (e) => e.preventDefault());
  const data = fileField("Daten (CSV)", "daten", ".csv,text/csv", "gebiet_id;gebiet_name;kennzahl;jahr;wert – Pflicht");
  const meta = fileField("Kennzahlen (CSV)", "kennzahlen", ".csv,text/csv", "Name, Einheit, Quelle der Kennzahlen – freiwillig");
  const geo = fileField("Gebiete (GeoJSON)", "gebiete", ".geojson,.json,application/geo+json", "für die Karte – WGS84 oder EPSG:25832/25833");
  const threshold = document.createElement("input");
  threshold.type = "number";
  threshold.min = "1";
  threshold.max = "100";
  threshold.step = "1";
  threshold.value = "3";
  threshold.id = "own-schwelle";
  threshold.name = "schwelle";
  const thresholdLabel = document.createElement("label");
  thresholdLabel.htmlFor = threshold.id;
  thresholdLabel.textContent = "Kleine Fallzahlen ausblenden: Zähler unter";
  const kreis = document.createElement("select");
  kreis.id = "own-kreis";
  kreis.name = "kreis";
  kreis.append(new Option("– keine –", ""));
  for (const k of kreise) kreis.append(new Option(k.name, k.id));
  const kreisLabel = document.createElement("label");
  kreisLabel.htmlFor = kreis.id;
  kreisLabel.textContent = "Kreis für den Vergleich (bei Kennzahlen aus dem Register)";
  const settings = document.createElement("div");
  settings.className = "own-settings";
  settings.append(Object.assign(document.createElement("div"), {className: "own-setting"}), Object.assign(document.createElement("div"), {className: "own-setting"}));
  settings.children[0]!.append(thresholdLabel, threshold);
  settings.children[1]!.append(kreisLabel, kreis);

  const example = document.createElement("button");
  example.type = "button";
  example.className = "own-example";
  example.textContent = "Beispiel laden: Berlin, MSS 2021 je Planungsraum";
  const templates = document.createElement("div");
  templates.className = "card-actions";
  templates.append(downloadButton("Vorlage Daten (CSV)", "eigene-daten-vorlage.csv", dataTemplate), downloadButton("Vorlage Kennzahlen (CSV)", "eigene-daten-kennzahlen-vorlage.csv", metaTemplate));

  const files = document.createElement("div");
  files.className = "own-files";
  files.append(data.wrap, meta.wrap, geo.wrap);
  form.append(files, settings, example, templates);

  form.value = {files: {data: null, meta: null, geo: null}, threshold: 3, kreis: "", example: false};
  const emit = () => form.dispatchEvent(new Event("input", {bubbles: true}));
  const update = async () => {
    form.value = {files: {data: await readFile(data.input), meta: await readFile(meta.input), geo: await readFile(geo.input)}, threshold: Number(threshold.value) || 3, kreis: kreis.value, example: false};
    emit();
  };
  for (const input of [data.input, meta.input, geo.input]) input.addEventListener("change", update);
  threshold.addEventListener("change", () => {
    form.value = {...form.value, threshold: Math.max(1, Math.round(Number(threshold.value) || 3))};
    emit();
  });
  kreis.addEventListener("change", () => {
    form.value = {...form.value, kreis: kreis.value};
    emit();
  });
  example.addEventListener("click", async () => {
    example.disabled = true;
    try {
      const files = await loadExample();
      for (const input of [data.input, meta.input, geo.input]) input.value = "";
      kreis.value = exampleKreis;
      form.value = {files, threshold: form.value.threshold, kreis: exampleKreis, example: true};
      emit();
    } finally {
      example.disabled = false;
    }
  });
  return form;
}

export function checkChosen(chosen: Chosen): CheckResult | null {
  return chosen.files.data ? checkOwnFiles({data: chosen.files.data, meta: chosen.files.meta, geo: chosen.files.geo}) : null;
}

function cell(row: HTMLTableRowElement, text: string, className?: string): void {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
}

/** Every problem with file, line or area, field, what was expected and what was found, as text. */
export function problemList(result: CheckResult, chosen: Chosen): HTMLElement {
  const box = document.createElement("section");
  box.className = `own-problems ${result.errors ? "has-errors" : "ok"}`;
  box.setAttribute("aria-live", "polite");
  const notes = result.problems.length - result.errors;
  const head = document.createElement("p");
  head.className = "own-status";
  const names = [chosen.files.data, chosen.files.meta, chosen.files.geo].filter((f): f is OwnFile => f !== null).map((f) => f.name).join(", ");
  head.textContent = result.errors
    ? `${formatNumber(result.errors, 0)} ${result.errors === 1 ? "Fehler" : "Fehler"}${notes ? ` und ${notes} ${notes === 1 ? "Hinweis" : "Hinweise"}` : ""} in ${names}. Bitte in der Datei beheben und neu wählen; solange es Fehler gibt, zeigt die Seite keine Karte und keine Tabelle.`
    : `Geprüft: ${names} – ${formatNumber(result.counts.rows, 0)} Zeilen${result.dataset?.encoding.data ? ` (${result.dataset.encoding.data})` : ""}${result.dataset?.areas ? `, ${formatNumber(result.counts.areas, 0)} Gebiete (${result.dataset.crs})` : ""}, keine Fehler${notes ? `, ${notes} ${notes === 1 ? "Hinweis" : "Hinweise"}` : ""}.`;
  box.append(head);
  if (result.problems.length === 0) return box;
  const LIMIT = 500;
  const table = document.createElement("table");
  table.className = "data-table own-problem-table";
  table.createCaption().textContent = "Probleme in den Dateien";
  const hr = table.createTHead().insertRow();
  for (const h of ["Art", "Datei", "Stelle", "Feld", "Erwartet", "Gefunden"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    hr.append(th);
  }
  const body = table.createTBody();
  for (const p of result.problems.slice(0, LIMIT)) {
    const row = body.insertRow();
    row.className = p.severity;
    cell(row, p.severity === "fehler" ? "Fehler" : "Hinweis", "own-severity");
    cell(row, p.file);
    cell(row, where(p));
    cell(row, p.field ?? "");
    cell(row, p.expected);
    cell(row, p.found ?? "", "own-found");
  }
  const scroll = document.createElement("div");
  scroll.className = "table-scroll";
  scroll.tabIndex = 0;
  scroll.setAttribute("role", "region");
  scroll.setAttribute("aria-label", "Probleme in den Dateien");
  scroll.append(table);
  box.append(scroll);
  if (result.problems.length > LIMIT) {
    const more = document.createElement("p");
    more.textContent = `… und ${formatNumber(result.problems.length - LIMIT, 0)} weitere. Alle mit „kbm own check DATEI“.`;
    box.append(more);
  }
  return box;
}

function where(p: OwnProblem): string {
  return p.line !== undefined ? `Zeile ${p.line}` : p.feature !== undefined ? `Gebiet Nr. ${p.feature}` : "";
}
