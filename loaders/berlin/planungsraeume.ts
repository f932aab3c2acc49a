/**
 * Berlin's 542 LOR-Planungsräume (scheme 2021) and the small-area tables keyed by PLR_ID:
 * the PLR geometry's attributes, population by age (Einwohnerregister 30.06.2022), the
 * Monitoring Soziale Stadtentwicklung 2021, and schools and Kitas counted per PLR.
 * PLR_ID is an 8-digit string; its first two digits are the Bezirk.
 */
import {readFileSync} from "node:fs";
import {parseCount, parseDecimal, readCsvFile} from "../common/csv.ts";
import {InputError} from "../common/errors.ts";

const PLR_ID = /^(0[1-9]|1[0-2])\d{6}$/;

function checkPlrId(id: string | undefined, file: string, line: number | undefined, field: string, seen: Set<string>): string {
  if (id === undefined || !PLR_ID.test(id)) throw new InputError({file, line, field}, "eine 8-stellige PLR_ID (erste zwei Stellen = Bezirk 01–12)", id ?? "leer");
  if (seen.has(id)) throw new InputError({file, line, field}, "jeden Planungsraum nur einmal", id);
  seen.add(id);
  return id;
}

export interface Planungsraum {
  id: string;
  name: string;
  bezirk: string;
  area_km2: number;
}

/** Attributes of the PLR GeoJSON (the geometry itself goes through pipelines/snapshot/geo.ts). */
export function readPlanungsraeume(path: string, label: string): Planungsraum[] {
  const collection = JSON.parse(readFileSync(path, "utf-8")) as {type?: string; features?: {properties?: Record<string, unknown>}[]};
  if (collection.type !== "FeatureCollection" || !Array.isArray(collection.features)) throw new InputError({file: label, field: "type"}, "eine GeoJSON FeatureCollection", String(collection.type));
  const seen = new Set<string>();
  return collection.features.map((f, i) => {
    const p = f.properties ?? {};
    const field = `features[${i}].properties`;
    const id = checkPlrId(typeof p.PLR_ID === "string" ? p.PLR_ID : undefined, label, undefined, `${field}.PLR_ID`, seen);
    if (p.bezirk_id !== id.slice(0, 2)) throw new InputError({file: label, field: `${field}.bezirk_id`}, `den Bezirk ${id.slice(0, 2)} (erste Stellen der PLR_ID)`, String(p.bezirk_id));
    if (typeof p.PLR_NAME !== "string" || p.PLR_NAME.trim() === "") throw new InputError({file: label, field: `${field}.PLR_NAME`}, "einen Namen", String(p.PLR_NAME));
    if (typeof p.GROESSE_M2 !== "number" || !(p.GROESSE_M2 > 0)) throw new InputError({file: label, field: `${field}.GROESSE_M2`}, "eine Fläche in m² größer 0", String(p.GROESSE_M2));
    return {id, name: p.PLR_NAME.trim(), bezirk: id.slice(0, 2), area_km2: p.GROESSE_M2 / 1e6};
  });
}

export const PLR_AGE_COLUMNS = ["unter6", "6-15", "15-18", "18-27", "27-45", "45-55", "55-65", "65undmehr"] as const;
export type PlrAgeColumn = (typeof PLR_AGE_COLUMNS)[number];

export interface PlrPopulation {
  line: number;
  id: string;
  total: number;
  ages: Record<PlrAgeColumn, number>;
  foreign: number;
  /** Cells that were `–` (nothing): their value is 0. */
  dashes: string[];
}

/**
 * Einwohnerregister by PLR, 30.06.2022 (`;`, UTF-8 with BOM). `–` means nothing (0): the age
 * groups of every row add up to the total with `–` as 0, which the loader checks.
 */
export function readPlrPopulation(path: string, label: string): PlrPopulation[] {
  const seen = new Set<string>();
  const columns = ["Gesamt", ...PLR_AGE_COLUMNS, "ausländer", "PLR-ID"];
  return readCsvFile(path, label, {delimiter: ";", required: columns}).map(({line, fields}) => {
    const id = checkPlrId(fields["PLR-ID"], label, line, "PLR-ID", seen);
    const dashes: string[] = [];
    const cell = (field: string): number => {
      const raw = fields[field]!.trim();
      if (raw === "–" || raw === "-") {
        dashes.push(field);
        return 0;
      }
      const value = parseCount(raw, label, line, field);
      if (value === null) throw new InputError({file: label, line, field}, "eine Anzahl oder – (nichts)", raw);
      return value;
    };
    const total = cell("Gesamt");
    const ages = Object.fromEntries(PLR_AGE_COLUMNS.map((c) => [c, cell(c)])) as Record<PlrAgeColumn, number>;
    const foreign = cell("ausländer");
    const sum = Object.values(ages).reduce((a, b) => a + b, 0);
    if (sum !== total) throw new InputError({file: label, line, field: "Gesamt"}, "Summe der Altersgruppen = Gesamt", `${sum} ≠ ${total}`);
    if (foreign > total) throw new InputError({file: label, line, field: "ausländer"}, "höchstens so viele Ausländer wie Einwohner", String(foreign));
    return {line, id, total, ages, foreign, dashes};
  });
}

export const MSS_COLUMNS = ["S1", "S3", "S4", "KI_04"] as const;
export type MssColumn = (typeof MSS_COLUMNS)[number];

export interface MssPlr {
  line: number;
  id: string;
  name: string;
  /** Inhabitants 31.12.2020; null when not published. */
  ew: number | null;
  values: Record<MssColumn, number | null>;
}

/** Monitoring Soziale Stadtentwicklung 2021 (Stichtag 31.12.2020), status and context indicators in %. */
export function readMss(path: string, label: string): MssPlr[] {
  const seen = new Set<string>();
  return readCsvFile(path, label, {required: ["PLR_ID", "PLR_NAME", "EW", ...MSS_COLUMNS]}).map(({line, fields}) => {
    const id = checkPlrId(fields.PLR_ID, label, line, "PLR_ID", seen);
    const values = {} as Record<MssColumn, number | null>;
    for (const column of MSS_COLUMNS) {
      const value = parseDecimal(fields[column]!, label, line, column);
      if (value !== null && (value < 0 || value > 100)) throw new InputError({file: label, line, field: column}, "einen Anteil zwischen 0 und 100", fields[column]);
      values[column] = value;
    }
    return {line, id, name: fields.PLR_NAME!, ew: parseCount(fields.EW!, label, line, "EW"), values};
  });
}

export const SCHOOL_TYPE_COLUMNS = ["Grundschule", "Integrierte Sekundarschule", "Gymnasium", "Schule mit sonderpädagogischem Förderschwerpunkt", "Berufsschule", "Andere Schule", "Privatschule"] as const;
export type SchoolTypeColumn = (typeof SCHOOL_TYPE_COLUMNS)[number];

export interface PlrSchools {
  line: number;
  id: string;
  total: number;
  public: number;
  private: number;
  types: Record<SchoolTypeColumn, number>;
}

/**
 * Schools per PLR (Geoportal layer "Schulen", October 2023). Empty cells mean 0. The type
 * columns classify public schools by type and put every private school under "Privatschule";
 * the loader checks that types add up to the total and public + private = total.
 */
export function readPlrSchools(path: string, label: string): PlrSchools[] {
  const seen = new Set<string>();
  return readCsvFile(path, label, {required: ["PLR_ID", "school_count", "privat", "öffentlich", ...SCHOOL_TYPE_COLUMNS]}).map(({line, fields}) => {
    const id = checkPlrId(fields.PLR_ID, label, line, "PLR_ID", seen);
    const n = (field: string) => parseCount(fields[field]!, label, line, field) ?? 0;
    const total = n("school_count");
    const types = Object.fromEntries(SCHOOL_TYPE_COLUMNS.map((c) => [c, n(c)])) as Record<SchoolTypeColumn, number>;
    const typeSum = Object.values(types).reduce((a, b) => a + b, 0);
    if (typeSum !== total) throw new InputError({file: label, line, field: "school_count"}, "Summe der Schularten = school_count", `${typeSum} ≠ ${total}`);
    const pub = n("öffentlich");
    const priv = n("privat");
    if (pub + priv !== total) throw new InputError({file: label, line, field: "school_count"}, "öffentlich + privat = school_count", `${pub} + ${priv} ≠ ${total}`);
    if (priv !== types.Privatschule) throw new InputError({file: label, line, field: "privat"}, "privat = Privatschule", `${priv} ≠ ${types.Privatschule}`);
    return {line, id, total, public: pub, private: priv, types};
  });
}

export interface PlrKitas {
  line: number;
  id: string;
  count: number;
}

/** Kitas per PLR (Geoportal layer, December 2022). Empty cells mean 0. */
export function readPlrKitas(path: string, label: string): PlrKitas[] {
  const seen = new Set<string>();
  return readCsvFile(path, label, {required: ["PLR_ID", "kita_count"]}).map(({line, fields}) => {
    const id = checkPlrId(fields.PLR_ID, label, line, "PLR_ID", seen);
    return {line, id, count: parseCount(fields.kita_count!, label, line, "kita_count") ?? 0};
  });
}
