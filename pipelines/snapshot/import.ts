/**
 * `kbm import`: reads the real source files (laid out as in ../shared) and builds the
 * canonical snapshot. Everything that is left out is listed in the import report, and where
 * two sources carry the same fact they are compared (pipelines/snapshot/crosscheck.ts).
 */
import {join} from "node:path";
import {readKitaliste} from "../../loaders/berlin/kitaliste.ts";
import {readMss, readPlanungsraeume, readPlrKitas, readPlrPopulation, readPlrSchools} from "../../loaders/berlin/planungsraeume.ts";
import {readEinwohnerBericht} from "../../loaders/berlin/statistik-bb.ts";
import {bezirkKey} from "../../loaders/berlin/bezirke.ts";
import {InputError} from "../../loaders/common/errors.ts";
import {inkarGaps, readInkarCells, type InkarValue} from "../../loaders/inkar/kreise.ts";
import {readBbsrKreistypenOriginal} from "../../loaders/kreise/bbsr-kreistypen.ts";
import {readKreisMetadata} from "../../loaders/kreise/metadata.ts";
import {readBtw25Berlin} from "../../loaders/strukturdaten/btw25-berlin.ts";
import {readStrukturdatenEw24, type StrukturdatenColumn, type StrukturdatenFile} from "../../loaders/strukturdaten/ew24.ts";
import {readZensusGemeinden} from "../../loaders/zensus/gemeinden.ts";
import {REGISTRY, type RegistryEntry} from "../indicators/registry.ts";
import {SOURCES} from "../indicators/sources.ts";
import {berlinObservations, type MssWeightNote} from "./berlin.ts";
import {resolveCandidates, type Candidate, type Overridden, type SetAsideObservation} from "./candidates.ts";
import {runCrossChecks, type CrossCheck, type Disagreement} from "./crosscheck.ts";
import {periodYear, type Indicator, type Observation, type Region} from "./format.ts";
import {readFeatures, toTopology} from "./geo.ts";
import {buildRegions, round, type SetAsideKey} from "./regions.ts";
import {placesFromZensus} from "./places.ts";
import {renderSourcesDoc} from "./sources-doc.ts";
import type {Snapshot} from "./write.ts";

export const SOURCE_FILES = {
  kreisMetadata: "data/kreise/kreise_metadata_2021-12-31.csv",
  bbsrKreistypen: "data/kreise/bbsr_kreistypen_2020_original_latin1.csv",
  inkar: "data/kreise/inkar_kreise_1995-2022.csv",
  inkar2024: "data/kreise/inkar2024_kreise_schulabschluss_sgb2_2010-2022.csv",
  ew24: "data/kreise/bundeswahlleiterin_ew24_strukturdaten_kreise.csv",
  ew24Tidy: "data/kreise/ew24_strukturdaten_bildung_sozial_kreise.csv",
  zensus: "data/kreise/zensus2022_gemeinden.csv",
  kreiseGeo: "data/geo/de_kreise_vg5000_2021-07-01.geojson",
  laenderGeo: "data/geo/de_laender_vg5000_2021-01-01.geojson",
  berlinBezirkeGeo: "data/berlin/berlin_bezirke.geojson",
  berlinPlrGeo: "data/berlin/berlin_lor_planungsraeume_2021.geojson",
  berlinEinwohner: "data/berlin/statistik-bb_SB_A01-05-00_2023h02_BE.xlsx",
  berlinEinwohnerCsv: "data/berlin/einwohner_bezirke_2013-2023.csv",
  berlinPlrEinwohner: "data/berlin/einwohner_plr_2022-06-30.csv",
  berlinMss: "data/berlin/mss_2021_plr.csv",
  berlinSchulen: "data/berlin/schulen_je_plr_2023-10.csv",
  berlinKitas: "data/berlin/kitas_je_plr_2022-12.csv",
  berlinKitaliste: "data/berlin/senbjf_kitaliste_2023-11.xlsx",
  btw25Berlin: "data/berlin/btw25_strukturdaten_berlin_wahlkreise.csv",
  genesisSchulabgaenger: "fixtures/genesis/21111-02-06-4.csv",
  genesisArbeitslose: "fixtures/genesis/13211-02-05-4_00.csv"
} as const;

export type SourceFileKey = keyof typeof SOURCE_FILES;
export interface SourceFile {
  path: string;
  label: string;
}

export type SetAsideEntry = ({kind: "region"} & SetAsideKey) | ({kind: "value"} & SetAsideObservation);

export interface ImportReport {
  counts: Record<string, number>;
  /**
   * Everything read but left out, with the reason: region keys outside the snapshot's
   * territorial state (dissolved Kreise, rows of Kreise that did not exist yet, Gemeinde rows)
   * and single values of unknown regions.
   */
  setAside: SetAsideEntry[];
  /** Values of a lower-ranked source replaced by a higher-ranked one (same indicator, region, period). */
  overridden: Overridden[];
  berlin: {
    /** BTW 2025 Wahlkreise whose values are a joint figure for several Bezirke: not stored. */
    joint_wahlkreise_set_aside: {wk_nr: string; wk_name: string; applies_to: string}[];
    mss_weights: MssWeightNote[];
    kitas_without_places: number;
  };
  /** Summary of each cross-source check (counts, share agreeing, disagreeing Land × period groups). */
  crosscheck: CrossCheckSummary;
  /** Every cross-source disagreement beyond the tolerance, one row per cell. */
  disagreements: (Disagreement & {check: string})[];
}

export type CrossCheckSummary = {tolerance: number; checks: Omit<CrossCheck, "disagreements">[]};

export async function buildSnapshot(fromDir: string): Promise<{snapshot: Snapshot; report: ImportReport}> {
  const file = (key: SourceFileKey): SourceFile => ({path: join(fromDir, SOURCE_FILES[key]), label: SOURCE_FILES[key]});
  const setAsideRegions: SetAsideKey[] = [];
  const candidates: Candidate[] = [];

  // ── Regions ────────────────────────────────────────────────────────────────────────────
  const kreise = readKreisMetadata(file("kreisMetadata").path, file("kreisMetadata").label);
  const bbsr = file("bbsrKreistypen");
  const bezirkeGeo = readFeatures(file("berlinBezirkeGeo"), (p) => {
    const nr = String(p.bezirk_id);
    return {id: bezirkKey(nr), name: String(p.bezirk_name), nr};
  });
  const plrGeo = readFeatures(file("berlinPlrGeo"), (p) => ({id: String(p.PLR_ID), name: String(p.PLR_NAME)}));
  const planungsraeume = readPlanungsraeume(file("berlinPlrGeo").path, file("berlinPlrGeo").label);
  const einwohner = await readEinwohnerBericht(file("berlinEinwohner").path, file("berlinEinwohner").label);
  const plrPopulation = readPlrPopulation(file("berlinPlrEinwohner").path, file("berlinPlrEinwohner").label);
  const regions = buildRegions(
    {
      kreise,
      kreistypen: readBbsrKreistypenOriginal(bbsr.path, bbsr.label),
      kreistypenLabel: bbsr.label,
      bezirkNames: new Map(bezirkeGeo.map((f) => [f.properties.nr!, f.properties.name])),
      bezirkPopulation: einwohner.population,
      planungsraeume,
      plrPopulation
    },
    setAsideRegions
  );
  const kreisIds = new Set(kreise.map((k) => k.ags));

  // ── Kreise, Länder, Bund ───────────────────────────────────────────────────────────────
  const inkarColumns = REGISTRY.filter((e) => e.origin.inkar);
  const inkar = file("inkar");
  const inkarCells = readInkarCells(inkar.path, inkar.label, {keyColumn: "county_code", yearColumn: "year", columns: inkarColumns.map((e) => e.origin.inkar!)});
  const inkarValues = inkarCells.filter((c): c is InkarValue => c.value !== null);
  // A cell left blank inside a series is stored as a gap ('.', no value) so coverage counts it.
  for (const v of [...inkarValues, ...inkarGaps(inkarCells)]) {
    for (const e of inkarColumns.filter((x) => x.origin.inkar === v.column)) {
      candidates.push({indicator: e.id, region: v.region, period: String(v.year), value: v.value, flag: v.value === null ? "." : null, source: "inkar", file: inkar.label, line: v.line});
    }
  }
  const inkar2024Columns = REGISTRY.filter((e) => e.origin.inkar2024);
  const inkar2024 = file("inkar2024");
  const crossInkar2024 = ["share_no_degree", "share_hochschulreife"];
  const inkar2024Cells = readInkarCells(inkar2024.path, inkar2024.label, {keyColumn: "ags", yearColumn: "year", columns: [...new Set([...inkar2024Columns.map((e) => e.origin.inkar2024!), ...crossInkar2024])]});
  const inkar2024Values = inkar2024Cells.filter((c): c is InkarValue => c.value !== null);
  for (const v of [...inkar2024Values, ...inkarGaps(inkar2024Cells)]) {
    for (const e of inkar2024Columns.filter((x) => x.origin.inkar2024 === v.column)) {
      candidates.push({indicator: e.id, region: v.region, period: String(v.year), value: v.value, flag: v.value === null ? "." : null, source: "inkar_2024", file: inkar2024.label, line: v.line});
    }
  }

  const ew24File = file("ew24");
  const ew24 = readStrukturdatenEw24(ew24File.path, ew24File.label, ew24Columns(REGISTRY));
  candidates.push(...ew24Observations(ew24, REGISTRY, ew24File.label));

  for (const k of kreise) candidates.push({indicator: "bevoelkerung", region: k.ags, period: "2021", value: k.population, flag: null, source: "gvisys", file: file("kreisMetadata").label});

  const zensusFile = file("zensus");
  const zensus = readZensusGemeinden(zensusFile.path, zensusFile.label);
  candidates.push(...zensusObservations(zensus, kreisIds, zensusFile.label, setAsideRegions));

  // ── Berlin ─────────────────────────────────────────────────────────────────────────────
  const btw25File = file("btw25Berlin");
  const btw25Entries = REGISTRY.filter((e) => e.origin.btw25);
  const btw25 = readBtw25Berlin(btw25File.path, btw25File.label, btw25Entries.map((e) => e.origin.btw25!.column));
  const joint: ImportReport["berlin"]["joint_wahlkreise_set_aside"] = [];
  for (const row of btw25) {
    if (row.kind === "joint") joint.push({wk_nr: row.wk_nr, wk_name: row.wk_name, applies_to: row.applies_to});
    if (row.kind !== "bezirk") continue;
    for (const e of btw25Entries) {
      const value = row.values[e.origin.btw25!.column] ?? null;
      candidates.push({indicator: e.id, region: bezirkKey(row.bezirk_id!), period: e.origin.btw25!.period, value, flag: value === null ? "." : null, source: "btw25_strukturdaten_berlin", file: btw25File.label, line: row.line});
    }
  }
  const mssNotes: MssWeightNote[] = [];
  const kitaliste = await readKitaliste(file("berlinKitaliste").path, file("berlinKitaliste").label);
  candidates.push(
    ...berlinObservations(
      {
        planungsraeume,
        population: einwohner.population,
        ages: einwohner.ages,
        plrPopulation,
        mss: readMss(file("berlinMss").path, file("berlinMss").label),
        schools: readPlrSchools(file("berlinSchulen").path, file("berlinSchulen").label),
        kitas: readPlrKitas(file("berlinKitas").path, file("berlinKitas").label),
        kitaliste,
        labels: {
          population: file("berlinEinwohner").label,
          plrPopulation: file("berlinPlrEinwohner").label,
          mss: file("berlinMss").label,
          schools: file("berlinSchulen").label,
          kitas: file("berlinKitas").label,
          kitaliste: file("berlinKitaliste").label
        }
      },
      REGISTRY,
      mssNotes
    )
  );

  // ── Resolve, describe, check ───────────────────────────────────────────────────────────
  const {observations, overridden, setAside} = resolveCandidates(candidates, REGISTRY, regions);
  const indicators: Indicator[] = REGISTRY.map(({origin: _origin, ...entry}) => ({...entry, coverage: coverage(entry.id, observations, regions)}));
  const crosscheck = await runCrossChecks({
    file,
    kreisIds,
    regions,
    inkar: inkarValues,
    inkar2024: inkar2024Values,
    ew24,
    einwohner,
    btw25,
    setAsideRegions
  });

  const geo = {
    "kreise.topojson": toTopology({kreise: readFeatures(file("kreiseGeo"), (p) => ({id: String(p.AGS), name: String(p.GEN)}))}),
    "laender.topojson": toTopology({laender: readFeatures(file("laenderGeo"), (p) => ({id: String(p.AGS), name: String(p.GEN)}))}),
    "berlin-bezirke.topojson": toTopology({bezirke: bezirkeGeo.map((f) => ({...f, properties: {id: f.properties.id, name: f.properties.name}}))}),
    "berlin-planungsraeume.topojson": toTopology({planungsraeume: plrGeo})
  };
  checkGeometry(geo, regions);

  const report: ImportReport = {
    counts: {},
    setAside: [...setAsideRegions.map((r) => ({kind: "region" as const, ...r})), ...setAside.map((v) => ({kind: "value" as const, ...v}))],
    overridden,
    berlin: {joint_wahlkreise_set_aside: joint, mss_weights: mssNotes, kitas_without_places: kitaliste.kitas.filter((k) => k.places === null).length},
    crosscheck: {tolerance: crosscheck.tolerance, checks: crosscheck.checks.map(({disagreements: _d, ...c}) => c)},
    disagreements: crosscheck.checks.flatMap((c) => c.disagreements.map((d) => ({check: c.id, ...d})))
  };
  report.counts = {
    regions: regions.length,
    kreise: regions.filter((r) => r.level === "kreis").length,
    bezirke: regions.filter((r) => r.level === "bezirk").length,
    planungsraeume: regions.filter((r) => r.level === "planungsraum").length,
    indicators: indicators.length,
    observations: observations.length,
    set_aside_regions: setAsideRegions.length,
    set_aside_values: setAside.length,
    overridden_values: overridden.reduce((a, o) => a + o.count, 0),
    crosscheck_disagreements: crosscheck.checks.reduce((a, c) => a + c.disagreeing, 0)
  };
  const snapshot: Snapshot = {regions, places: placesFromZensus(zensus, regions), indicators, observations, sources: SOURCES, sourcesDoc: renderSourcesDoc(SOURCES, indicators), geo};
  return {snapshot, report};
}

/** The EW 2024 columns the registry asks for. */
function ew24Columns(registry: RegistryEntry[]): StrukturdatenColumn[] {
  const columns = new Map<number, StrukturdatenColumn>();
  for (const e of registry) {
    const o = e.origin.ew24;
    if (!o) continue;
    columns.set(o.column, {number: o.column, expect: o.expect});
    if (o.plus) columns.set(o.plus.column, {number: o.plus.column, expect: o.plus.expect});
  }
  return [...columns.values()].sort((a, b) => a.number - b.number);
}

/**
 * EW 2024 values for Kreise, Länder and Bund. Hamburg and Berlin have no Land row: the Kreis
 * row (02000, 11000) is the Land and is stored for both. Part rows (kreisfreie Städte,
 * Landkreise of a Land) are not regions of the snapshot and are skipped.
 */
function ew24Observations(file: StrukturdatenFile, registry: RegistryEntry[], label: string): Candidate[] {
  const out: Candidate[] = [];
  const stadtstaaten: Record<string, string> = {"02000": "02", "11000": "11"};
  const landRows = new Set(file.rows.filter((r) => r.kind === "land").map((r) => r.region));
  for (const row of file.rows) {
    if (row.kind === "land_teil" || row.kind === "bund_teil") continue;
    const regions = [row.region];
    const asLand = stadtstaaten[row.region];
    if (asLand && !landRows.has(asLand)) regions.push(asLand);
    for (const e of registry) {
      const o = e.origin.ew24;
      if (!o) continue;
      let {value, flag} = row.cells.get(o.column)!;
      if (o.plus) {
        const second = row.cells.get(o.plus.column)!;
        value = value !== null && second.value !== null ? round(value + second.value, 1) : null;
        flag = value === null ? "." : null;
      }
      if (value !== null && o.scale) value = Math.round(value * o.scale);
      for (const region of regions) out.push({indicator: e.id, region, period: o.period, value, flag, source: "ew24_strukturdaten", file: label, line: row.line});
    }
  }
  return out;
}

/** Zensus 2022: Kreis = first 5 digits of the Gemeinde key; population summed, shares weighted with it. */
function zensusObservations(gemeinden: ReturnType<typeof readZensusGemeinden>, kreisIds: Set<string>, label: string, setAside: SetAsideKey[]): Candidate[] {
  const kreise = new Map<string, {population: number; weighted: number; covered: number}>();
  for (const g of gemeinden) {
    const kreis = g.ags.slice(0, 5);
    if (!kreisIds.has(kreis)) {
      setAside.push({file: label, line: g.line, region: g.ags, name: g.name, reason: `Kreis ${kreis} nicht im Gebietsstand 01.07.2021`});
      continue;
    }
    const k = kreise.get(kreis) ?? {population: 0, weighted: 0, covered: 0};
    k.population += g.population;
    if (g.share_migration_bg !== null) {
      k.weighted += g.share_migration_bg * g.population;
      k.covered += g.population;
    }
    kreise.set(kreis, k);
  }
  const out: Candidate[] = [];
  for (const [kreis, k] of kreise) {
    out.push({indicator: "bevoelkerung_zensus2022", region: kreis, period: "2022", value: k.population, flag: null, source: "zensus2022", file: label});
    const complete = k.covered === k.population;
    // Gemeinden without a published share leave a gap: the mean over the others is an estimate ("s").
    out.push({indicator: "migrationshintergrund_zensus2022", region: kreis, period: "2022", value: k.covered > 0 ? round(k.weighted / k.covered, 2) : null, flag: k.covered === 0 ? "." : complete ? null : "s", source: "zensus2022", file: label});
  }
  if (kreise.size !== kreisIds.size) throw new InputError({file: label}, `Gemeinden in allen ${kreisIds.size} Kreisen`, `${kreise.size} Kreise`);
  return out;
}

function coverage(indicator: string, observations: Observation[], regions: Region[]): Indicator["coverage"] {
  const level = new Map(regions.map((r) => [r.id, r.level]));
  const groups = new Map<string, {source_id: string; level: Region["level"]; first: string; last: string; regions: Set<string>; observations: number}>();
  for (const o of observations) {
    if (o.indicator !== indicator) continue;
    const l = level.get(o.region)!;
    const key = `${o.source}|${l}`;
    const g = groups.get(key) ?? {source_id: o.source, level: l, first: o.period, last: o.period, regions: new Set<string>(), observations: 0};
    if (o.period < g.first) g.first = o.period;
    if (o.period > g.last) g.last = o.period;
    g.regions.add(o.region);
    g.observations += 1;
    groups.set(key, g);
  }
  const order = ["bund", "land", "kreis", "bezirk", "planungsraum"];
  return [...groups.values()]
    .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level) || periodYear(a.first) - periodYear(b.first) || (a.source_id < b.source_id ? -1 : 1))
    .map((g) => ({source_id: g.source_id, level: g.level, first: g.first, last: g.last, regions: g.regions.size, observations: g.observations}));
}

/** Every region of a geometry level has exactly one feature, and no feature is unknown. */
function checkGeometry(geo: Record<string, unknown>, regions: Region[]): void {
  const expect: Record<string, [string, Region["level"]]> = {
    "kreise.topojson": ["kreise", "kreis"],
    "laender.topojson": ["laender", "land"],
    "berlin-bezirke.topojson": ["bezirke", "bezirk"],
    "berlin-planungsraeume.topojson": ["planungsraeume", "planungsraum"]
  };
  for (const [name, [object, level]] of Object.entries(expect)) {
    const topology = geo[name] as {objects: Record<string, {geometries: {id?: string | number}[]}>};
    const ids = topology.objects[object]!.geometries.map((g) => String(g.id));
    const wanted = regions.filter((r) => r.level === level).map((r) => r.id);
    const missing = wanted.filter((id) => !ids.includes(id));
    const extra = ids.filter((id) => !wanted.includes(id));
    if (missing.length > 0 || extra.length > 0 || ids.length !== wanted.length) {
      throw new InputError({file: name}, `genau eine Fläche je Region der Ebene ${level}`, `fehlend: ${missing.slice(0, 5).join(", ")}; unbekannt: ${extra.slice(0, 5).join(", ")}`);
    }
  }
}

