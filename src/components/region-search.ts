/**
 * Search for a region by name, Gemeinde or key, on the home page and every profile. An ARIA
 * combobox (input + listbox) rather than a datalist: the browser's datalist filters its options
 * by substring and would hide "Köln" for "Koeln" or "Düsseldorf" for "Düsseldrof". Matching and
 * order come from the one resolver in src/shared/region-resolver.ts; Enter opens the first match.
 */
import {createRegionResolver, hitLabel, kindLabel, shortName, viaNote, type IndexEntry, type IndexRegion, type RegionHit} from "../shared/region-resolver.js";

export interface SearchRegion {
  id: string;
  name: string;
  level: string;
  land_name: string | null;
}

/** The label of a region in a plain datalist (the comparison picker's "eigene Auswahl"). */
export function optionLabel(r: SearchRegion): string {
  return `${r.name} (${r.level === "bezirk" ? "Bezirk, " : ""}${r.id})`;
}

/** The region a datalist text means: an exact option label, an AGS, or a unique name. */
export function findRegion(regions: SearchRegion[], text: string): SearchRegion | undefined {
  const query = text.trim();
  if (!query) return undefined;
  const byLabel = regions.find((r) => optionLabel(r) === query);
  if (byLabel) return byLabel;
  const byId = regions.find((r) => r.id === query);
  if (byId) return byId;
  const lower = query.toLocaleLowerCase("de");
  const byName = regions.filter((r) => r.name.toLocaleLowerCase("de") === lower || r.name.toLocaleLowerCase("de").split(",")[0] === lower);
  return byName.length === 1 ? byName[0] : undefined;
}

const MAX_OPTIONS = 8;
let searchCount = 0;

export function regionSearch(entries: IndexEntry[], {label = "Region suchen", onChoose}: {label?: string; onChoose: (region: IndexRegion, hit: RegionHit) => void}): HTMLElement {
  const resolver = createRegionResolver(entries);
  const id = `region-search-${++searchCount}`;
  const form = document.createElement("form");
  form.className = "region-search";
  form.setAttribute("role", "search");
  const labelEl = document.createElement("label");
  labelEl.htmlFor = `${id}-input`;
  labelEl.textContent = label;
  const input = document.createElement("input");
  input.id = `${id}-input`;
  input.type = "search";
  input.placeholder = "z. B. Köln, Hannover oder 05315";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", `${id}-list`);
  const list = document.createElement("ul");
  list.id = `${id}-list`;
  list.className = "region-search-list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Gefundene Regionen");
  list.hidden = true;
  const hint = document.createElement("p");
  hint.className = "search-hint";
  hint.setAttribute("aria-live", "polite");

  let hits: RegionHit[] = [];
  let active = -1;

  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll<HTMLElement>("[role=option]").forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) input.setAttribute("aria-activedescendant", `${id}-option-${index}`);
    else input.removeAttribute("aria-activedescendant");
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    setActive(-1);
  };
  const choose = (hit: RegionHit) => {
    close();
    input.value = shortName(hit.region);
    hint.textContent = viaNote(hit) ?? "";
    onChoose(hit.region, hit);
  };
  const render = () => {
    hits = resolver.search(input.value, MAX_OPTIONS);
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = document.createElement("li");
        li.id = `${id}-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.region = hit.region.id;
        li.title = hitLabel(hit);
        const name = document.createElement("span");
        name.className = "region-name";
        name.textContent = hit.via ? `${hit.via.name} → ${shortName(hit.region)}` : shortName(hit.region);
        const meta = document.createElement("span");
        meta.className = "region-meta";
        meta.textContent = [kindLabel(hit.region), hit.region.land_name, hit.region.id].filter(Boolean).join(" · ");
        li.append(name, meta);
        if (hit.via) {
          const note = document.createElement("span");
          note.className = "region-via";
          note.textContent = `${hit.via.name} ist kein Kreis: gehört zu ${hit.region.name}`;
          li.append(note);
        }
        // mousedown, not click: the input's blur would close the list before the click lands.
        li.addEventListener("mousedown", (event) => {
          event.preventDefault();
          choose(hit);
        });
        return li;
      })
    );
    const open = hits.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    setActive(-1);
    hint.textContent = input.value.trim() && !open ? "Keine Region gefunden – Name, Gemeinde ab 50.000 Einwohnern oder Kreisschlüssel eingeben." : "";
  };

  input.addEventListener("input", render);
  input.addEventListener("focus", () => input.value.trim() && render());
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) render();
      if (hits.length === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((active + step + hits.length) % hits.length);
    } else if (event.key === "Escape") {
      close();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const hit = active >= 0 ? hits[active] : resolver.best(input.value);
    if (hit) choose(hit);
    else if (input.value.trim()) hint.textContent = "Keine Region gefunden – Name, Gemeinde ab 50.000 Einwohnern oder Kreisschlüssel eingeben.";
  });
  const wrap = document.createElement("div");
  wrap.className = "region-search-box";
  wrap.append(input, list);
  form.append(labelEl, wrap, hint);
  return form;
}
