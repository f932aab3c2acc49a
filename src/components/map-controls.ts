/**
 * Labelled native selects for the map pages: the indicator (grouped by guideline area in
 * <optgroup>s) and the year or level. Native <select> elements are keyboard-usable as they
 * are; the returned <form> carries `value` and receives the select's bubbling `input`, so
 * Framework's view() reads it.
 */

let controlCount = 0;

export interface SelectOption {
  value: string;
  label: string;
  /** Options with the same group are listed under one <optgroup>. */
  group?: string;
}

export interface LabelledSelect extends HTMLFormElement {
  value: string;
  select: HTMLSelectElement;
}

export function labelledSelect(options: readonly SelectOption[], {label, value, name}: {label: string; value?: string | null; name: string}): LabelledSelect {
  const id = `kbm-${name}-${++controlCount}`;
  const form = document.createElement("form") as LabelledSelect;
  form.className = "map-control";
  form.addEventListener("submit", (event) => event.preventDefault());
  const labelElement = document.createElement("label");
  labelElement.htmlFor = id;
  labelElement.textContent = label;
  const select = document.createElement("select");
  select.id = id;
  select.name = name;
  let group: HTMLOptGroupElement | null = null;
  for (const option of options) {
    const element = document.createElement("option");
    element.value = option.value;
    element.textContent = option.label;
    if (option.group) {
      if (group?.label !== option.group) {
        group = document.createElement("optgroup");
        group.label = option.group;
        select.append(group);
      }
      group.append(element);
    } else {
      group = null;
      select.append(element);
    }
  }
  if (value && options.some((o) => o.value === value)) select.value = value;
  form.append(labelElement, select);
  Object.defineProperty(form, "value", {get: () => select.value, set: (v: string) => (select.value = v)});
  Object.defineProperty(form, "select", {value: select});
  return form;
}

/** The initial value from the address (?name=…) when it is one of the options. */
export function fromAddress(name: string, options: readonly SelectOption[], fallback: string): string {
  const wanted = new URLSearchParams(location.search).get(name);
  return wanted && options.some((o) => o.value === wanted) ? wanted : fallback;
}

/** Writes the chosen values into the address, so a map can be linked and bookmarked. */
export function rememberInAddress(values: Record<string, string | null>): void {
  const params = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(values)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
}
