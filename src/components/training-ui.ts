/**
 * Controls and text blocks of the training pages: the region picker (a native select, so it
 * works with the keyboard and screen readers), the comparison-group picker, a computed finding
 * with the registry's caveats beside it, and the print button. Inputs in Observable's sense:
 * they have a `value` and fire "input".
 */
import type {TrainingGroup, TrainingRegion} from "../../pipelines/exports/training.ts";
import {displayNames} from "./training-model.js";

export interface InputElement<T> extends HTMLElement {
  value: T;
}

let count = 0;

function labelled(text: string, control: HTMLSelectElement, className: string): InputElement<string> {
  const id = `training-${className}-${++count}`;
  const root = document.createElement("div") as unknown as InputElement<string>;
  root.className = `training-control ${className}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  control.id = id;
  root.append(label, control);
  Object.defineProperty(root, "value", {get: () => control.value, set: (v: string) => (control.value = v)});
  // A select fires "input" itself; it bubbles to the wrapper, which Generators.input listens to.
  return root;
}

/** Kreise grouped by Land (optgroups), each as "Köln (Kreisfreie Stadt, 05315)". */
export function kreisPicker(regions: readonly TrainingRegion[], places: Record<string, string>, value: string, text = "Ihre Kommune"): InputElement<string> {
  const select = document.createElement("select");
  select.name = "region";
  const names = displayNames(regions);
  const byLand = new Map<string, TrainingRegion[]>();
  for (const r of regions) byLand.set(r.land, [...(byLand.get(r.land) ?? []), r]);
  for (const [land, list] of [...byLand].sort((a, b) => a[0].localeCompare(b[0]))) {
    const group = document.createElement("optgroup");
    group.label = places[land] ?? land;
    for (const r of [...list].sort((a, b) => names.get(a.id)!.localeCompare(names.get(b.id)!, "de"))) {
      group.append(new Option(`${names.get(r.id)} (${r.type}, ${r.id})`, r.id, false, r.id === value));
    }
    select.append(group);
  }
  select.value = value;
  return labelled(text, select, "training-region");
}

/** A plain list of choices (e.g. Berlin's twelve Bezirke). */
export function listPicker(items: readonly {id: string; name: string}[], value: string, text: string): InputElement<string> {
  const select = document.createElement("select");
  select.name = "region";
  for (const item of items) select.append(new Option(item.name, item.id, false, item.id === value));
  select.value = value;
  return labelled(text, select, "training-region");
}

/** The peer groups of the chosen region; the first is the default comparison. */
export function groupPicker(groups: readonly TrainingGroup[], allowed: readonly string[], value: string | null): InputElement<string> {
  const select = document.createElement("select");
  select.name = "gruppe";
  for (const id of allowed) {
    const g = groups.find((x) => x.id === id);
    if (g) select.append(new Option(`${g.name} (${g.members})`, g.id, false, g.id === value));
  }
  if (value) select.value = value;
  return labelled("Vergleich mit", select, "training-group");
}

/** Caveats shown at once beside a finding; more sit behind "n weitere Hinweise". */
export const VISIBLE_CAVEATS = 2;

/** Computed sentences with the registry's caveats beside them. */
export function finding(sentences: readonly (string | null | undefined)[], caveats: readonly string[] = [], {label = "Hinweise aus dem Indikatorenregister"} = {}): HTMLElement {
  const root = document.createElement("div");
  root.className = "training-finding";
  const text = document.createElement("div");
  text.className = "training-sentences";
  for (const s of sentences) {
    if (!s) continue;
    const p = document.createElement("p");
    p.className = "training-sentence";
    p.textContent = s;
    text.append(p);
  }
  root.append(text);
  if (caveats.length) {
    // A note, not a landmark: a page has many of them.
    const note = document.createElement("div");
    note.className = "training-caveats";
    note.setAttribute("role", "note");
    note.setAttribute("aria-label", label);
    const head = document.createElement("p");
    head.className = "training-caveats-head";
    head.textContent = label;
    const list = (items: readonly string[]) => {
      const ul = document.createElement("ul");
      for (const c of items) {
        const li = document.createElement("li");
        li.textContent = c;
        ul.append(li);
      }
      return ul;
    };
    // The first ones stay in view (a slide must fit a projector); the rest open on demand.
    note.append(head, list(caveats.slice(0, VISIBLE_CAVEATS)));
    if (caveats.length > VISIBLE_CAVEATS) {
      const more = document.createElement("details");
      more.className = "training-caveats-more";
      const summary = document.createElement("summary");
      const rest = caveats.length - VISIBLE_CAVEATS;
      summary.textContent = `${rest} weitere${rest === 1 ? "r" : ""} Hinweis${rest === 1 ? "" : "e"}`;
      more.append(summary, list(caveats.slice(VISIBLE_CAVEATS)));
      note.append(more);
    }
    root.append(note);
  }
  return root;
}

/** Opens the browser's print dialog (the handout stylesheet prints one example on A4). */
export function printButton(text = "Handout drucken"): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "training-print";
  button.textContent = text;
  button.addEventListener("click", () => window.print());
  return button;
}

/** The address with one parameter set (or removed), keeping the others. */
export function withParam(location: {pathname: string; search: string; hash: string}, name: string, value: string | null): string {
  const params = new URLSearchParams(location.search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const search = params.toString().replace(/=(?=&|$)/g, "");
  return `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
}

/** Keeps the choices in the address (replaceState), so a link opens the same view. */
export function syncParams(params: Record<string, string | null>): void {
  let url = {pathname: location.pathname, search: location.search, hash: location.hash};
  for (const [name, value] of Object.entries(params)) {
    const next = new URL(withParam(url, name, value), location.href);
    url = {pathname: next.pathname, search: next.search, hash: next.hash};
  }
  history.replaceState(history.state, "", `${url.pathname}${url.search}${url.hash}`);
}

/** The group a URL asks for (?gruppe=…) if the region has it, else the region's first group. */
export function groupFromSearch(search: string, allowed: readonly string[]): string | null {
  const wanted = new URLSearchParams(search).get("gruppe");
  return wanted && allowed.includes(wanted) ? wanted : allowed[0] ?? null;
}
