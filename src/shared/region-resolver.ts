/**
 * Finds a region from what a person types: a name with or without umlauts ("Koeln"), with a
 * small typo ("Düsseldrof"), a key with or without the leading zero ("5315"), or a larger
 * Gemeinde that is not a Kreis itself ("Hannover" → Region Hannover).
 *
 * One resolver for the search on every page (src/components/region-search.ts) and the CLI's
 * `--region` (pipelines/cli/region-option.ts). MiniSearch does the matching (exact, prefix and
 * fuzzy terms); the order among the matches follows the rules people expect: more of the typed
 * words matched, then exact before approximate, then the kreisfreie Stadt before the Landkreis
 * of the same name, then the larger place. It lives under src/ because Framework bundles only
 * files there; no Node imports.
 */
import MiniSearch, {type SearchResult} from "minisearch";

/** A region with a profile page (Kreis or Berlin Bezirk), as in region-index.json (src/data/profile-context.zip.ts). */
export interface IndexRegion {
  id: string;
  name: string;
  level: string;
  type: string;
  land_name: string | null;
  kreisfrei?: boolean | null;
  population?: number | null;
}

/** A Gemeinde ≥ 50,000 inhabitants inside a Landkreis (level "gemeinde" in region-index.json). */
export interface IndexPlace {
  id: string;
  name: string;
  level: "gemeinde";
  kreis: string;
  population: number;
}

export type IndexEntry = IndexRegion | IndexPlace;

export interface RegionHit {
  region: IndexRegion;
  /** The Gemeinde that led to this Kreis, when the Kreis was found through it. */
  via: IndexPlace | null;
  /** Every typed word matched a whole word (not only a prefix or a near spelling). */
  exact: boolean;
}

export type Resolution =
  | {status: "found"; hit: RegionHit}
  | {status: "ambiguous"; hits: RegionHit[]}
  | {status: "none"; query: string};

export interface RegionResolver {
  /** Matches in the order a list shows them; the first is what Enter opens. */
  search(query: string, limit?: number): RegionHit[];
  /** What Enter opens: the first match, if any. */
  best(query: string): RegionHit | undefined;
  /** Strict reading for the CLI: one region, or the candidates when several fit equally well. */
  resolve(query: string): Resolution;
}

const isPlace = (e: IndexEntry): e is IndexPlace => e.level === "gemeinde";

/** Lower case, umlauts spelt out (ä → ae, ß → ss), other accents dropped: "Köln" = "Koeln". */
export function foldName(text: string): string {
  return text
    .toLocaleLowerCase("de")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

export function isKreisfrei(r: IndexRegion): boolean {
  return r.kreisfrei ?? /kreisfreie stadt|stadtkreis/i.test(r.type);
}

/** "kreisfreie Stadt", "Landkreis", "Kreis", "Regionalverband" or "Berliner Bezirk". */
export function kindLabel(r: IndexRegion): string {
  if (r.level === "bezirk") return "Berliner Bezirk";
  if (isKreisfrei(r)) return "kreisfreie Stadt";
  return r.type;
}

/** The name without the administrative suffix: "Köln, Stadt" → "Köln". */
export function shortName(r: {name: string}): string {
  return r.name.split(",")[0]!.trim();
}

/** One line for a list: "Köln · kreisfreie Stadt · Nordrhein-Westfalen · 05315". */
export function hitLabel(hit: RegionHit): string {
  const r = hit.region;
  return [shortName(r), kindLabel(r), r.land_name, r.id].filter(Boolean).join(" · ");
}

/** The line that says why a search for a Gemeinde opened a Kreis. */
export function viaNote(hit: RegionHit): string | null {
  if (!hit.via) return null;
  const population = hit.via.population.toLocaleString("de-DE");
  return `${hit.via.name} (Gemeinde, ${population} Einwohner laut Zensus 2022) ist kein Kreis und gehört zu ${hit.region.name}.`;
}

/** Words that say which kind of region is meant ("Landkreis München", "Stadt Offenbach"). */
function kindWords(r: IndexRegion): string {
  if (r.level === "bezirk") return "Bezirk Berlin";
  if (isKreisfrei(r)) return `Stadt ${r.type}`;
  return r.type === "Landkreis" ? "Landkreis Kreis" : `${r.type} Landkreis`;
}

function fuzziness(term: string): number | false {
  if (term.length >= 8) return 2;
  return term.length >= 4 ? 1 : false;
}

interface Doc {
  key: string;
  target: string;
  name: string;
  kind: string;
  place: string | null;
}

export function createRegionResolver(entries: IndexEntry[]): RegionResolver {
  const regions = entries.filter((e): e is IndexRegion => !isPlace(e));
  const byId = new Map(regions.map((r) => [r.id, r]));
  const places = entries.filter(isPlace).filter((p) => byId.has(p.kreis));
  const placeById = new Map(places.map((p) => [p.id, p]));

  const index = new MiniSearch<Doc>({
    idField: "key",
    fields: ["name", "kind"],
    storeFields: ["target", "place"],
    tokenize: (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean),
    processTerm: (term) => foldName(term),
    searchOptions: {
      fields: ["name", "kind"],
      boost: {name: 2},
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => fuzziness(term),
      combineWith: "OR"
    }
  });
  index.addAll([
    ...regions.map((r) => ({key: r.id, target: r.id, name: r.name, kind: kindWords(r), place: null})),
    ...places.map((p) => ({key: `g${p.id}`, target: p.kreis, name: p.name, kind: "Gemeinde Stadt", place: p.id}))
  ]);

  interface Ranked extends RegionHit {
    matched: number;
    exactTerms: number;
    score: number;
  }

  const population = (h: RegionHit) => h.via?.population ?? h.region.population ?? 0;
  const compare = (a: Ranked, b: Ranked) =>
    b.matched - a.matched ||
    b.exactTerms - a.exactTerms ||
    Number(isKreisfrei(b.region) || b.region.level === "bezirk") - Number(isKreisfrei(a.region) || a.region.level === "bezirk") ||
    population(b) - population(a) ||
    b.score - a.score;

  function byKey(query: string): RegionHit[] | null {
    const digits = query.replace(/\s+/g, "");
    if (!/^\d{1,8}$/.test(digits)) return null;
    const keys = [digits, `0${digits}`];
    for (const key of keys) {
      const region = byId.get(key);
      if (region) return [{region, via: null, exact: true}];
      const place = placeById.get(key);
      if (place) return [{region: byId.get(place.kreis)!, via: place, exact: true}];
    }
    return regions
      .filter((r) => keys.some((k) => r.id.startsWith(k)))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((region) => ({region, via: null, exact: false}));
  }

  function ranked(query: string): Ranked[] {
    const terms = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(foldName);
    if (terms.length === 0) return [];
    const best = new Map<string, Ranked>();
    for (const result of index.search(query) as (SearchResult & {target: string; place: string | null})[]) {
      const region = byId.get(result.target)!;
      const via = result.place ? placeById.get(result.place)! : null;
      const exactTerms = terms.filter((t) => result.terms.includes(t)).length;
      const matched = new Set(result.queryTerms).size;
      const hit: Ranked = {region, via, exact: exactTerms === terms.length, matched, exactTerms, score: result.score};
      const previous = best.get(region.id);
      // A Kreis found by its own name and through a Gemeinde keeps the better reason; on a tie,
      // the Gemeinde, so that "Hannover" says that it lies in Region Hannover.
      const sameQuality = previous && previous.matched === hit.matched && previous.exactTerms === hit.exactTerms;
      if (!previous || (sameQuality ? via && !previous.via : compare(hit, previous) < 0)) best.set(region.id, hit);
    }
    return [...best.values()].sort(compare);
  }

  const strip = ({region, via, exact}: RegionHit): RegionHit => ({region, via, exact});

  return {
    search(query, limit = 10) {
      const q = query.trim();
      if (!q) return [];
      return (byKey(q) ?? ranked(q).map(strip)).slice(0, limit);
    },
    best(query) {
      return this.search(query, 1)[0];
    },
    resolve(query) {
      const q = query.trim();
      const keyHits = byKey(q);
      if (keyHits) {
        if (keyHits.length === 1 && keyHits[0]!.exact) return {status: "found", hit: keyHits[0]!};
        return keyHits.length === 0 ? {status: "none", query: q} : {status: "ambiguous", hits: keyHits.slice(0, 10)};
      }
      const hits = ranked(q);
      const [first, second] = hits;
      if (!first) return {status: "none", query: q};
      // Equally good matches of the same kind (two kreisfreie Städte "Frankfurt") are for the
      // caller to choose; a kreisfreie Stadt beats the Landkreis of its name as on the site.
      const sameKind = (a: Ranked, b: Ranked) => isKreisfrei(a.region) === isKreisfrei(b.region) && a.region.level === b.region.level;
      if (second && second.matched === first.matched && second.exactTerms === first.exactTerms && sameKind(first, second)) {
        return {status: "ambiguous", hits: hits.filter((h) => h.matched === first.matched && h.exactTerms === first.exactTerms).slice(0, 10).map(strip)};
      }
      return {status: "found", hit: strip(first)};
    }
  };
}
