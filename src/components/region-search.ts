/**
 * Type-ahead search for a region by name or AGS: a native input with a datalist, so it
 * works with the keyboard and screen readers. Choosing a region opens its profile.
 */
export interface SearchRegion {
  id: string;
  name: string;
  level: string;
  land_name: string | null;
}

export function optionLabel(r: SearchRegion): string {
  return `${r.name} (${r.level === "bezirk" ? "Bezirk, " : ""}${r.id})`;
}

/** The region an input text means: an exact option label, an AGS, or a unique name. */
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

let searchCount = 0;

export function regionSearch(regions: SearchRegion[], {label = "Region suchen", onChoose}: {label?: string; onChoose: (region: SearchRegion) => void}): HTMLElement {
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
  input.setAttribute("list", `${id}-list`);
  input.placeholder = "z. B. Köln oder 05315";
  input.autocomplete = "off";
  const list = document.createElement("datalist");
  list.id = `${id}-list`;
  for (const r of regions) {
    const option = document.createElement("option");
    option.value = optionLabel(r);
    list.append(option);
  }
  const hint = document.createElement("span");
  hint.className = "search-hint";
  hint.setAttribute("aria-live", "polite");
  const choose = () => {
    const region = findRegion(regions, input.value);
    if (region) onChoose(region);
    else if (input.value.trim()) hint.textContent = "Keine eindeutige Region gefunden – bitte aus der Liste wählen.";
  };
  input.addEventListener("change", choose);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    choose();
  });
  form.append(labelEl, input, list, hint);
  return form;
}
