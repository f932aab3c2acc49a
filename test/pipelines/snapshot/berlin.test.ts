import {describe, expect, it} from "vitest";
import {PLR_AGE_COLUMNS, type PlrPopulation} from "../../../loaders/berlin/planungsraeume.ts";
import {REGISTRY} from "../../../pipelines/indicators/registry.ts";
import {berlinObservations, type BerlinInputs} from "../../../pipelines/snapshot/berlin.ts";

// Two Planungsräume shaped like real rows of einwohner_plr_2022-06-30.csv (Bericht A I 16):
// 04400725 has `–` for every age group under 18, 03300515 has `–` in two adult groups only.
const ages = (values: number[]) => Object.fromEntries(PLR_AGE_COLUMNS.map((c, i) => [c, values[i]!])) as PlrPopulation["ages"];
const plrPopulation: PlrPopulation[] = [
  {line: 2, id: "04400725", total: 116, ages: ages([0, 0, 0, 9, 51, 28, 19, 9]), foreign: 76, dashes: ["unter6", "6-15", "15-18"]},
  {line: 3, id: "03300515", total: 52, ages: ages([4, 6, 3, 0, 9, 0, 18, 12]), foreign: 0, dashes: ["18-27", "45-55", "ausländer"]}
];

const inputs: BerlinInputs = {
  planungsraeume: plrPopulation.map((p) => ({id: p.id, name: p.id, bezirk: p.id.slice(0, 2), area_km2: 1})),
  population: [],
  ages: [],
  plrPopulation,
  mss: plrPopulation.map((p) => ({line: p.line, id: p.id, name: p.id, ew: p.total, values: {S1: null, S3: null, S4: null, KI_04: null}})),
  schools: plrPopulation.map((p) => ({line: p.line, id: p.id, total: 0, public: 0, private: 0, types: {Grundschule: 0, "Integrierte Sekundarschule": 0, Gymnasium: 0, "Schule mit sonderpädagogischem Förderschwerpunkt": 0, Berufsschule: 0, "Andere Schule": 0, Privatschule: 0}})),
  kitas: plrPopulation.map((p) => ({line: p.line, id: p.id, count: 0})),
  kitaliste: {kitas: [], total: 0},
  labels: {population: "bezirke.csv", plrPopulation: "plr.csv", mss: "mss.csv", schools: "schulen.csv", kitas: "kitas.csv", kitaliste: "kitaliste.xlsx"}
};

describe("Berlin shares from partly blank Planungsraum rows", () => {
  const registry = REGISTRY.filter((e) => ["anteil_unter_6", "anteil_unter_18", "anteil_65_plus", "auslaenderanteil"].includes(e.id));
  const observations = berlinObservations(inputs, registry, []).filter((o) => o.region.length === 8);
  const row = (indicator: string, region: string) => observations.find((o) => o.indicator === indicator && o.region === region);

  it("a share whose numerator cells were all `–` is 0 with the flag '-'", () => {
    expect(row("anteil_unter_6", "04400725")).toMatchObject({value: 0, flag: "-"});
    expect(row("anteil_unter_18", "04400725")).toMatchObject({value: 0, flag: "-"});
    expect(row("auslaenderanteil", "03300515")).toMatchObject({value: 0, flag: "-"});
  });

  it("a share with a number keeps no flag, even when other cells of its row were `–`", () => {
    expect(row("anteil_unter_6", "03300515")).toMatchObject({value: 7.69, flag: null});
    expect(row("anteil_unter_18", "03300515")).toMatchObject({value: 25, flag: null});
    expect(row("anteil_65_plus", "04400725")).toMatchObject({value: 7.76, flag: null});
    expect(row("auslaenderanteil", "04400725")).toMatchObject({value: 65.52, flag: null});
  });
});
