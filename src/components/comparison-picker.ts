/**
 * Chooses what a profile is compared with: one of the region's warehouse peer groups, or a
 * set of up to five regions of the same level. An input element in Observable's sense: it
 * has a `value` (a Comparison) and fires "input" when it changes.
 */
import {groupOptionLabel, MAX_CUSTOM, type Comparison, type PeerGroupInfo} from "./profile-model.js";
import {optionLabel, findRegion, type SearchRegion} from "./region-search.js";

export interface PickerElement extends HTMLElement {
  value: Comparison;
}

export function comparisonPicker(groups: PeerGroupInfo[], candidates: SearchRegion[], initial: Comparison, self: string): PickerElement {
  const root = document.createElement("div") as unknown as PickerElement;
  root.className = "comparison-picker";
  const names = new Map(candidates.map((c) => [c.id, c.name]));

  const label = document.createElement("label");
  label.htmlFor = "peer-group";
  label.textContent = "Vergleich mit";
  const select = document.createElement("select");
  select.id = "peer-group";
  for (const g of groups) select.append(new Option(groupOptionLabel(g), g.id));
  select.append(new Option("eigene Auswahl (bis zu 5 Regionen)", "__custom"));

  // What the groups mean (BBSR's Kreistypen and the thresholds) is explained on /daten/.
  const explain = document.createElement("a");
  explain.className = "group-help";
  explain.href = "../daten/#vergleichsgruppen";
  explain.textContent = "Was bedeuten die Gruppen?";
  const custom = document.createElement("div");
  custom.className = "custom-set";
  const chips = document.createElement("ul");
  chips.className = "chips";
  chips.setAttribute("aria-label", "gewählte Regionen");
  const addLabel = document.createElement("label");
  addLabel.htmlFor = "custom-add";
  addLabel.textContent = "Region hinzufügen";
  const add = document.createElement("input");
  add.id = "custom-add";
  add.type = "search";
  add.setAttribute("list", "custom-add-list");
  add.placeholder = "Name oder Kreisschlüssel";
  const list = document.createElement("datalist");
  list.id = "custom-add-list";
  for (const c of candidates) if (c.id !== self) list.append(new Option(optionLabel(c)));
  custom.append(chips, addLabel, add, list);

  let picked: string[] = initial.kind === "custom" ? [...initial.regions] : [];
  root.value = initial;
  select.value = initial.kind === "group" ? initial.group.id : "__custom";

  const emit = (value: Comparison) => {
    root.value = value;
    root.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const renderChips = () => {
    chips.replaceChildren(
      ...picked.map((id) => {
        const item = document.createElement("li");
        const remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `${names.get(id) ?? id} entfernen`);
        remove.addEventListener("click", () => {
          picked = picked.filter((p) => p !== id);
          renderChips();
          emit({kind: "custom", regions: [...picked]});
        });
        item.append(`${names.get(id) ?? id} `, remove);
        return item;
      })
    );
    add.disabled = picked.length >= MAX_CUSTOM;
    custom.hidden = select.value !== "__custom";
  };
  select.addEventListener("change", () => {
    renderChips();
    const group = groups.find((g) => g.id === select.value);
    emit(group ? {kind: "group", group} : {kind: "custom", regions: [...picked]});
    if (!group) add.focus();
  });
  add.addEventListener("change", () => {
    const region = findRegion(candidates, add.value);
    if (!region || region.id === self || picked.includes(region.id) || picked.length >= MAX_CUSTOM) return;
    picked.push(region.id);
    add.value = "";
    renderChips();
    emit({kind: "custom", regions: [...picked]});
  });
  renderChips();
  const median = document.createElement("p");
  median.className = "custom-note";
  median.textContent = "Median und Platz der eigenen Auswahl werden einschließlich der Region dieses Profils berechnet.";
  custom.append(median);
  root.append(label, select, explain, custom);
  return root;
}
