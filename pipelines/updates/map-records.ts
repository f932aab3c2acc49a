/**
 * Applies a table mapping (table-mappings.ts) to the records of a parsed GENESIS file:
 * picks the quantities, turns periods into the snapshot's years, keeps only regions the
 * snapshot knows at a level the indicator's registry entry allows, computes counts and
 * shares, and checks each value against the registry range. Everything left out is kept
 * with its reason so the command can report it; nothing is dropped silently.
 *
 * Shares: (sum of numerators) / denominator × 100, only where every input is a number.
 * A special value without a number (`.`, `x`, `/`, `...`) in any input gives no value and
 * that flag, never 0. Shares are rounded half up to one decimal more than the registry
 * shows (decimals 1 → 2 decimals: 517 / 10106 × 100 = 5.1158… → 5.12), computed exactly
 * from the integer counts; that is the precision of INKAR's shares in the snapshot.
 */
import type {GenesisRecord, SetAsideRow} from "../../loaders/genesis/index.ts";
import {dissolvedBy, germanDate, olderTerritory} from "../../loaders/kreise/territory.ts";
import type {Flag, Indicator, Region} from "../snapshot/format.ts";
import type {MappingOutput, QuantityMatcher, TableMapping} from "./table-mappings.ts";

export interface PulledObservation {
  indicator: string;
  region: string;
  period: string;
  value: number | null;
  flag: Flag | null;
  source: string;
}

/** One thing left out, with the reason; `indicator` only for reasons that concern one indicator. */
export interface SetAsideEntry {
  reason: SetAsideReason;
  region: string;
  regionName: string;
  period: string;
  indicator?: string;
  detail?: string;
}

export type SetAsideReason =
  | "dissolved"
  | "gemeinde"
  | "regierungsbezirk"
  | "not-a-kreis"
  | "unknown-region"
  | "level"
  | "older-territory"
  | "period"
  | "zero-denominator"
  | "incomplete"
  | "outside-years"
  | "region-did-not-exist";

export const SET_ASIDE_LABELS: Record<SetAsideReason, string> = {
  dissolved: "aufgelöste Kreise",
  gemeinde: "Gemeinden (achtstellige Schlüssel ohne eigene Region im Snapshot)",
  regierungsbezirk: "Regierungsbezirke und NUTS-2-Regionen",
  "not-a-kreis": "fünfstellige Schlüssel, die kein Kreis im Gebietsstand 01.07.2021 sind",
  "unknown-region": "unbekannte Regionalschlüssel",
  level: "Ebene im Register des Indikators nicht vorgesehen",
  "older-territory": "älterer Gebietsstand unter demselben Schlüssel",
  period: "Stichtag passt nicht zum Register",
  "zero-denominator": "Nenner 0 (kein Anteil berechenbar)",
  incomplete: "Zeile ohne alle benötigten Spalten",
  "outside-years": "Zeitraum außerhalb von --from/--to",
  "region-did-not-exist": "alle Werte \"-\" (Region bestand in dem Jahr nicht)"
};

export interface OutOfRange {
  indicator: string;
  region: string;
  regionName: string;
  period: string;
  value: number;
  min: number;
  max: number;
}

export interface MapResult {
  observations: PulledObservation[];
  setAside: SetAsideEntry[];
  outOfRange: OutOfRange[];
  /** Cells that matched a quantity. */
  matchedCells: number;
  /** Distinct variables (with dimensions) that matched nothing, for the "nothing matched" message; at most 30. */
  unmatched: string[];
}

export interface MapContext {
  regions: ReadonlyMap<string, Region>;
  indicators: ReadonlyMap<string, Indicator>;
  sourceId: string;
  /** The years asked for; the server should send nothing else, anything else is set aside. */
  years?: {from?: number; to?: number};
}

interface Cell {
  value: number | null;
  flag: Flag | null;
}

interface Group {
  region: string;
  regionName: string;
  rawPeriod: string;
  cells: Map<string, Cell>;
}

/** Flags without a number, in the order a share takes them when its inputs carry different ones. */
const VALUELESS: readonly Flag[] = ["x", ".", "/", "..."];
/** Quality marks that keep the value: the share gets the weakest one among its inputs. */
const QUALITY: readonly Flag[] = ["()", "s", "p", "r", "e"];
const CITY_STATES: readonly [land: string, kreis: string][] = [
  ["02", "02000"],
  ["11", "11000"]
];
const MAX_UNMATCHED = 30;

export class MappingError extends Error {
  override name = "MappingError";
}

/** Collects records (feed `add` from the parser's onRecord) and maps them in `finish`. */
export class TableCollector {
  private readonly byVariable = new Map<string, {quantity: string; matcher: QuantityMatcher}[]>();
  private readonly groups = new Map<string, Group>();
  private readonly unmatched = new Set<string>();
  private readonly parserSetAside: SetAsideEntry[] = [];
  private matched = 0;

  constructor(private readonly mapping: TableMapping) {
    for (const [quantity, matchers] of Object.entries(mapping.quantities)) {
      for (const matcher of matchers) {
        const key = normalizeLabel(matcher.variable);
        const list = this.byVariable.get(key) ?? [];
        list.push({quantity, matcher});
        this.byVariable.set(key, list);
      }
    }
  }

  add(record: GenesisRecord): void {
    const candidates = this.byVariable.get(normalizeLabel(record.variable));
    const hit = candidates?.find(({matcher}) => sameDimensions(matcher.dimensions, record.dimensions));
    if (!hit) {
      if (this.unmatched.size < MAX_UNMATCHED) this.unmatched.add(describeVariable(record));
      return;
    }
    if (normalizeLabel(record.unit) !== normalizeLabel(hit.matcher.unit)) {
      throw new MappingError(
        `Tabelle ${this.mapping.table}: ${describeVariable(record)} hat die Einheit „${record.unit}“, erwartet „${hit.matcher.unit}“ (Region ${record.region}, Zeitraum ${record.period}). ` +
          "Die Zuordnung in pipelines/updates/table-mappings.ts passt nicht mehr zur Tabelle."
      );
    }
    const key = `${record.region}\u0000${record.period}`;
    let group = this.groups.get(key);
    if (!group) {
      group = {region: record.region, regionName: record.region_name, rawPeriod: record.period, cells: new Map()};
      this.groups.set(key, group);
    }
    if (group.cells.has(hit.quantity)) {
      throw new MappingError(`Tabelle ${this.mapping.table}: „${hit.quantity}“ kommt für Region ${record.region}, Zeitraum ${record.period} zweimal vor (${describeVariable(record)}).`);
    }
    group.cells.set(hit.quantity, {value: record.value, flag: record.flag});
    this.matched += 1;
  }

  /** Rows the parser set aside (a row of "-": the region did not exist that year). */
  addSetAsideRow(row: SetAsideRow): void {
    if (row.reason !== "all-dash") return;
    this.parserSetAside.push({reason: "region-did-not-exist", region: row.region ?? "", regionName: row.region_name ?? "", period: row.period ?? ""});
  }

  finish(context: MapContext): MapResult {
    const observations: PulledObservation[] = [];
    const setAside: SetAsideEntry[] = [...this.parserSetAside];
    const outOfRange: OutOfRange[] = [];
    const outputs = this.mapping.outputs.filter((o) => context.indicators.has(o.indicator));

    for (const group of withCityStates(this.groups)) {
      const base = {region: group.region, regionName: group.regionName, period: group.rawPeriod};
      const period = toSnapshotPeriod(group.rawPeriod, this.mapping.referenceDate);
      if ("problem" in period) {
        setAside.push({...base, reason: "period", detail: period.problem});
        continue;
      }
      const year = Number(period.period.slice(0, 4));
      if ((context.years?.from !== undefined && year < context.years.from) || (context.years?.to !== undefined && year > context.years.to)) {
        setAside.push({...base, period: period.period, reason: "outside-years"});
        continue;
      }
      const region = context.regions.get(group.region);
      if (!region) {
        setAside.push({...base, period: period.period, ...classifyUnknownRegion(group.region)});
        continue;
      }
      const older = region.level === "kreis" ? olderTerritory(group.region, year) : undefined;
      if (older) {
        setAside.push({...base, period: period.period, reason: "older-territory", detail: `vor dem ${germanDate(older.date)}: ${older.label}`});
        continue;
      }
      for (const output of outputs) {
        const indicator = context.indicators.get(output.indicator)!;
        const entry = {...base, period: period.period, indicator: output.indicator};
        if (!indicator.levels.includes(region.level)) {
          setAside.push({...entry, reason: "level", detail: `${region.level} (Register: ${indicator.levels.join(", ")})`});
          continue;
        }
        const computed = compute(output, group.cells, indicator.decimals + 1);
        if ("reason" in computed) {
          setAside.push({...entry, reason: computed.reason});
          continue;
        }
        if (computed.value !== null && !(computed.value >= indicator.range.min && computed.value <= indicator.range.max)) {
          outOfRange.push({indicator: output.indicator, region: group.region, regionName: group.regionName, period: period.period, value: computed.value, min: indicator.range.min, max: indicator.range.max});
          continue;
        }
        observations.push({indicator: output.indicator, region: group.region, period: period.period, value: computed.value, flag: computed.flag, source: context.sourceId});
      }
    }
    observations.sort(compareObservations);
    return {observations, setAside, outOfRange, matchedCells: this.matched, unmatched: [...this.unmatched]};
  }
}

export function compareObservations(a: {indicator: string; region: string; period: string}, b: {indicator: string; region: string; period: string}): number {
  return cmp(a.indicator, b.indicator) || cmp(a.region, b.region) || cmp(a.period, b.period);
}

/**
 * The snapshot's period for a GENESIS time: years stay ("2015"), school years become their
 * end year ("2014/15" → "2015", as the registry counts "2022 = Schuljahr 2021/22"), dates become
 * their year if they fall on the mapping's reference day ("2024-12-31" with "12-31" → "2024").
 */
export function toSnapshotPeriod(raw: string, referenceDate: string | null): {period: string} | {problem: string} {
  const text = raw.trim();
  if (/^\d{4}$/.test(text)) return {period: text};
  const school = /^(\d{4})\/(\d{2}|\d{4})$/.exec(text);
  if (school) {
    const start = Number(school[1]);
    const end = school[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(school[2]) + (Number(school[2]) < start % 100 ? 100 : 0) : Number(school[2]);
    if (end !== start + 1) return {problem: `Schuljahr „${text}“ umfasst nicht zwei aufeinanderfolgende Jahre`};
    return {period: String(end)};
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) {
    const day = `${date[2]}-${date[3]}`;
    if (referenceDate === day) return {period: date[1]!};
    const expected = referenceDate === null ? "ein Jahr oder Schuljahr" : `den Stichtag ${referenceDate.slice(3)}.${referenceDate.slice(0, 2)}.`;
    return {problem: `Stichtag ${germanDate(text)}; die Zuordnung erwartet ${expected}`};
  }
  return {problem: `Zeitangabe „${text}“ ist weder Jahr, Schuljahr noch Datum`};
}

function compute(output: MappingOutput, cells: ReadonlyMap<string, Cell>, decimals: number): Cell | {reason: "incomplete" | "zero-denominator"} {
  if (output.kind === "count") {
    const cell = cells.get(output.quantity);
    if (!cell) return {reason: "incomplete"};
    return cell;
  }
  const denominator = cells.get(output.denominator);
  const numerators = output.numerator.map((name) => cells.get(name));
  if (!denominator || numerators.some((cell) => cell === undefined)) return {reason: "incomplete"};
  const inputs = [denominator, ...(numerators as Cell[])];
  if (inputs.some((cell) => cell.value === null)) {
    // The parser gives every missing number its flag; "." (unknown) is only a fallback.
    return {value: null, flag: VALUELESS.find((flag) => inputs.some((cell) => cell.flag === flag)) ?? "."};
  }
  const total = denominator.value!;
  if (total === 0) return {reason: "zero-denominator"};
  const part = (numerators as Cell[]).reduce((sum, cell) => sum + cell.value!, 0);
  const value = roundedShare(part, total, decimals);
  const quality = QUALITY.find((flag) => inputs.some((cell) => cell.flag === flag));
  const flag: Flag | null = quality ?? (value === 0 && (numerators as Cell[]).some((cell) => cell.flag === "-") ? "-" : null);
  return {value, flag};
}

/**
 * part / total × 100, rounded half up to `decimals` places. With integer counts the rounding is
 * exact (integer arithmetic), so 0.125 never becomes 0.12 through binary fractions.
 */
export function roundedShare(part: number, total: number, decimals: number): number {
  const scale = 10 ** decimals;
  if (Number.isInteger(part) && Number.isInteger(total) && total > 0 && part >= 0 && part * 100 * scale * 2 < Number.MAX_SAFE_INTEGER) {
    const scaled = Math.floor((2 * part * 100 * scale + total) / (2 * total));
    return scaled / scale;
  }
  return Math.round((part / total) * 100 * scale) / scale;
}

/**
 * Berlin and Hamburg are a Land and a Kreis at once: old tables carry only the Land row (11, 02),
 * ffcsv since 2025 only the Kreis row (11000, 02000). The missing one is the same territory.
 */
function* withCityStates(groups: ReadonlyMap<string, Group>): Generator<Group> {
  yield* groups.values();
  for (const group of groups.values()) {
    for (const [land, kreis] of CITY_STATES) {
      const twin = group.region === land ? kreis : group.region === kreis ? land : undefined;
      if (twin !== undefined && !groups.has(`${twin}\u0000${group.rawPeriod}`)) yield {...group, region: twin};
    }
  }
}

function classifyUnknownRegion(key: string): {reason: SetAsideReason; detail?: string} {
  if (/^\d{8}$/.test(key)) return {reason: "gemeinde"};
  if (/^\d{3}$/.test(key)) return {reason: "regierungsbezirk"};
  if (/^\d{5}$/.test(key)) {
    const reform = dissolvedBy(key);
    if (reform) return {reason: "dissolved", detail: `aufgelöst am ${germanDate(reform.date)}, ${reform.label}`};
    return {reason: "not-a-kreis"};
  }
  return {reason: "unknown-region"};
}

function sameDimensions(expected: Readonly<Record<string, string>>, actual: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(actual);
  if (keys.length !== Object.keys(expected).length) return false;
  return keys.every((key) => key in expected && normalizeLabel(expected[key]!) === normalizeLabel(actual[key]!));
}

function describeVariable(record: GenesisRecord): string {
  const dims = Object.entries(record.dimensions).map(([code, attribute]) => `${code}=${attribute === "" ? "(Insgesamt)" : attribute}`);
  return dims.length > 0 ? `„${record.variable}“ [${dims.join(", ")}]` : `„${record.variable}“`;
}

function normalizeLabel(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
