/**
 * The cities inside a Kreis that have rows of their own in the official tables (Hannover in the
 * Region Hannover, Aachen in the Städteregion, Saarbrücken in the Regionalverband): their own
 * latest values, beside the Kreis profile and never in its rankings. A flagged value shows the
 * flag's meaning instead of a number (Aachen's 2023 leavers row is "nicht sicher genug").
 */
import {flagLabel} from "../shared/flags.js";
import {formatPeriod, formatValue} from "./format.js";

export interface CityValue {
  indicator: string;
  period: string;
  value: number | null;
  flag: string | null;
  source: string;
}

export interface ProfileCity {
  id: string;
  name: string;
  values: CityValue[];
}

interface CatalogEntry {
  id: string;
  short_name: string;
  unit: string;
  decimals: number;
}

interface SourceEntry {
  id: string;
  attribution: string;
  licence: string;
}

/** The latest period of each indicator of a city, in the catalog's order. */
export function latestCityValues(city: ProfileCity, catalog: CatalogEntry[]): {entry: CatalogEntry; value: CityValue; earlier: CityValue[]}[] {
  const byIndicator = new Map<string, CityValue[]>();
  for (const v of city.values) byIndicator.set(v.indicator, [...(byIndicator.get(v.indicator) ?? []), v]);
  return catalog
    .filter((e) => byIndicator.has(e.id))
    .map((entry) => {
      const values = byIndicator.get(entry.id)!.sort((a, b) => (a.period < b.period ? -1 : 1));
      return {entry, value: values.at(-1)!, earlier: values.slice(0, -1)};
    });
}

export function cityText(v: CityValue, entry: CatalogEntry): string {
  if (v.value === null) return flagLabel(v.flag) ?? "kein Wert";
  return formatValue(v.value, entry.unit, entry.decimals) + (v.flag ? ` (${flagLabel(v.flag)})` : "");
}

export function profileCities(cities: ProfileCity[], {catalog, sources}: {catalog: CatalogEntry[]; sources: Map<string, SourceEntry>}): HTMLElement {
  const section = document.createElement("section");
  section.className = "profile-cities";
  for (const city of cities) {
    const h = document.createElement("h2");
    h.textContent = `Die Stadt ${city.name.split(",")[0]} allein`;
    const intro = document.createElement("p");
    intro.textContent = `${city.name} (Schlüssel ${city.id}) liegt in diesem Kreis und hat in einigen amtlichen Tabellen eine eigene Zeile. Ihre Werte stehen hier zur Information; sie gehen in keine Rangfolge und keinen Vergleich der Kreise ein.`;
    const table = document.createElement("table");
    table.className = "city-values";
    const head = table.createTHead().insertRow();
    for (const label of ["Kennzahl", "Stand", "Wert der Stadt", "frühere Jahre"]) {
      const th = document.createElement("th");
      th.textContent = label;
      head.appendChild(th);
    }
    const body = table.createTBody();
    const used = new Set<string>();
    for (const {entry, value, earlier} of latestCityValues(city, catalog)) {
      const row = body.insertRow();
      row.insertCell().textContent = entry.short_name;
      row.insertCell().textContent = formatPeriod(value.period);
      row.insertCell().textContent = cityText(value, entry);
      row.insertCell().textContent = earlier.map((e) => `${formatPeriod(e.period)}: ${cityText(e, entry)}`).join("; ");
      for (const v of [value, ...earlier]) used.add(v.source);
    }
    const note = document.createElement("p");
    note.className = "source-note";
    const named = [...used].sort().map((id) => sources.get(id)).filter((s): s is SourceEntry => s !== undefined);
    note.textContent = `Quelle: ${named.map((s) => s.attribution).join("; ")} · Lizenz: ${[...new Set(named.map((s) => s.licence))].join("; ")}`;
    section.append(h, intro, table, note);
  }
  return section;
}
