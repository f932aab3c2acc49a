/**
 * "Eigene Kennzahlen" on a region's profile: the municipality's own small-area data (added
 * with `kbm own add`, loaded by `kbm data`, included only in a KBM_OWN=1 build). One card per
 * kennzahl with a map of its latest year and the source as the city named it. Loaded lazily by
 * the profile, and only when the region has own data.
 */
import {geoCentroid} from "d3";
import type {FeatureCollection, MultiPolygon, Polygon} from "geojson";
import {flagLabels, type OwnValue, type Polarity} from "../shared/own-data/index.js";
import {formatNumber} from "./format.js";
import {choropleth} from "./map-choropleth.js";

export interface OwnRegionSection {
  origin: string;
  threshold: number;
  indicators: {id: string; name: string; unit: string; definition: string; source: string; stichtag: string; polarity: Polarity; decimals: number; years: Record<string, OwnValue[]>}[];
  areas: FeatureCollection<Polygon | MultiPolygon, {id: string; name: string}> | null;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

export function ownIndicatorsSection(data: OwnRegionSection, {width = 640}: {width?: number} = {}): HTMLElement {
  const section = el("section", "own-indicators");
  section.setAttribute("aria-labelledby", "eigene-kennzahlen");
  const h2 = el("h2", "", "Eigene Kennzahlen");
  h2.id = "eigene-kennzahlen";
  section.append(h2, el("p", "muted", `${data.origin}: nicht amtlich, nicht veröffentlicht – nur in dieser lokal gebauten Fassung. Werte mit einem Zähler unter ${data.threshold} sind ausgeblendet.`));
  const labels = flagLabels(data.threshold);
  const grid = el("div", "grid grid-cols-2");
  for (const indicator of data.indicators) {
    const years = Object.keys(indicator.years).sort();
    const year = years.at(-1)!;
    const values = indicator.years[year]!;
    const shown = values.filter((v) => v.value !== null).length;
    const card = el("div", "card", el("h3", "", `${indicator.name}, ${year}`), el("p", "muted", `${formatNumber(shown, 0)} von ${formatNumber(values.length, 0)} Gebieten mit Wert${years.length > 1 ? ` · Jahre ${years.join(", ")}` : ""}`));
    if (data.areas) {
      const center = geoCentroid(data.areas);
      card.append(
        choropleth(data.areas, values, {
          width: Math.min(width / 2, 480),
          unit: indicator.unit,
          decimals: indicator.decimals,
          label: `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ""}`,
          polarity: indicator.polarity,
          flagLabels: labels,
          projection: {type: "transverse-mercator", rotate: [-center[0], 0], domain: data.areas},
          regionsLabel: "Gebieten",
          title: `Karte der eigenen Gebiete ${indicator.id}`
        })
      );
    }
    const source = [indicator.source && `Quelle: ${indicator.source}`, indicator.stichtag && `Stichtag: ${indicator.stichtag}`, data.origin].filter(Boolean).join(" · ");
    card.append(el("p", "source-note", source));
    grid.append(card);
  }
  section.append(grid);
  return section;
}
