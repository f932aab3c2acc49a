/**
 * The small-area example (child poverty and Kitas per Planungsraum) for three Bezirke against
 * the warehouse built from the committed snapshot; expected numbers from SQL (quantile_cont,
 * corr) over the same warehouse.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {trainingBerlin, type BerlinTrainingData} from "../../pipelines/exports/training-berlin.ts";
import {withWarehouse} from "../../pipelines/warehouse/open.ts";
import {openRealWarehouse, type RealWarehouse} from "../support/real-warehouse.ts";
import {berlinView, MIN_CHILDREN, pearson, plrRows} from "../../src/components/training-berlin.ts";

let warehouse: RealWarehouse;
let data: BerlinTrainingData;

const rows = (query: string, params?: Record<string, string | number>) => warehouse.rows(query, params);

// Commercial rounding on the decimal digits, as the site formats (11.35 → "11,4").
const de = (v: number, decimals = 1) => {
  const rounded = Math.round(Number(`${Math.abs(v)}e${decimals}`)) / 10 ** decimals;
  const [int, frac] = rounded.toFixed(decimals).split(".");
  return `${v < 0 && rounded !== 0 ? "\u2212" : ""}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}${frac ? `,${frac}` : ""}`;
};
const pct = (v: number) => `${de(v)}\u00a0%`;

/** Every Planungsraum with child poverty, children under 6 and Kitas per 1,000 children, in SQL. */
const PLR = `
  WITH p AS (
    SELECT r.id, r.name, r.parent AS bezirk,
      max(f.value) FILTER (WHERE f.indicator = 'mss_kinderarmut') AS poverty,
      round(max(f.value) FILTER (WHERE f.indicator = 'einwohner_melderegister') * max(f.value) FILTER (WHERE f.indicator = 'anteil_unter_6') / 100) AS children,
      max(f.value) FILTER (WHERE f.indicator = 'kitas_anzahl') AS kitas
    FROM regions r LEFT JOIN facts f ON f.region = r.id
    WHERE r.level = 'planungsraum'
    GROUP BY r.id, r.name, r.parent
  )
  SELECT *, CASE WHEN children >= ${MIN_CHILDREN} THEN kitas / children * 1000 END AS per1000 FROM p`;

beforeAll(async () => {
  warehouse = await openRealWarehouse("kbm-training-berlin-");
  data = await withWarehouse(warehouse.target, trainingBerlin);
}, 120_000);

afterAll(() => warehouse?.close());

describe("berlinView", () => {
  it.each([
    ["11008008", "Neukölln"],
    ["11001001", "Mitte"],
    ["11006006", "Steglitz-Zehlendorf"],
    ["11003003", "Pankow"]
  ])("%s (%s): Planungsräume above the Berlin median, both conditions, Bezirk figures", async (bezirk, name) => {
    const view = berlinView(data, bezirk);
    expect(view.name).toBe(name);
    const [med] = await rows(`SELECT quantile_cont(poverty, 0.5) AS poverty, quantile_cont(per1000, 0.5) AS supply, count(poverty) AS n FROM (${PLR})`);
    const [own] = await rows(
      `SELECT count(poverty) AS with_value, count(*) FILTER (WHERE round(poverty, 1) > round($m, 1)) AS above,
              count(*) FILTER (WHERE round(poverty, 1) > round($m, 1) AND per1000 < $s) AS both
       FROM (${PLR}) WHERE bezirk = $b`,
      {m: med!.poverty as number, s: med!.supply as number, b: bezirk}
    );
    expect(view.sentences.poverty).toContain(`in ${own!.above} von ${own!.with_value} Planungsräumen mit Wert über dem Median aller ${med!.n} Berliner Planungsräume (${pct(med!.poverty as number)})`);
    const both = own!.both as number;
    if (both === 0) expect(view.sentences.overlap).toMatch(/^Kein Planungsraum/);
    else expect(view.sentences.overlap).toMatch(new RegExp(`^${both === 1 ? "Ein Planungsraum" : `${both} Planungsräume`} in ${name} `));
    const [b] = await rows(
      "SELECT max(f.value) FILTER (WHERE f.indicator = 'mss_kinderarmut') AS poverty, max(f.value) FILTER (WHERE f.indicator = 'kita_plaetze_je_100_u6') AS places FROM facts f WHERE f.region = $b",
      {b: bezirk}
    );
    const [bm] = await rows(
      `SELECT quantile_cont(poverty, 0.5) AS poverty, quantile_cont(places, 0.5) AS places FROM (
         SELECT max(f.value) FILTER (WHERE f.indicator = 'mss_kinderarmut') AS poverty, max(f.value) FILTER (WHERE f.indicator = 'kita_plaetze_je_100_u6') AS places
         FROM regions r JOIN facts f ON f.region = r.id WHERE r.level = 'bezirk' GROUP BY r.id)`
    );
    expect(view.sentences.bezirk).toContain(`${name} als Bezirk: Kinderarmut ${pct(b!.poverty as number)} (Schätzung`);
    expect(view.sentences.bezirk).toContain(`Median der 12 Bezirke ${pct(bm!.poverty as number)}`);
    expect(view.sentences.bezirk).toContain(`unter 6 Jahren ${de(b!.places as number)} (`);
    expect(view.sentences.bezirk).toContain(`Median der 12 Bezirke ${de(bm!.places as number)}.`);
    // The map draws exactly the Bezirk's Planungsräume; those without a value stay null, never 0.
    const [count] = await rows("SELECT count(*) AS n FROM regions WHERE level = 'planungsraum' AND parent = $b", {b: bezirk});
    expect(view.map).toHaveLength(count!.n as number);
    for (const area of view.map.filter((a) => a.value === null)) expect(area.flag).toBe(".");
  });

  it("the correlation over all Planungsräume equals DuckDB's corr()", async () => {
    const [row] = await rows(`SELECT corr(poverty, per1000) AS r, count(*) FILTER (WHERE poverty IS NOT NULL AND per1000 IS NOT NULL) AS n FROM (${PLR})`);
    const computed = pearson(plrRows(data).map((p) => ({x: p.poverty, y: p.kitasPer1000})));
    expect(computed.n).toBe(row!.n);
    expect(computed.r).toBeCloseTo(row!.r as number, 10);
    expect(berlinView(data, "11008008").sentences.correlation).toContain(`(r = ${de(row!.r as number, 2)})`);
  });

  it("small numbers: Planungsräume with fewer than MIN_CHILDREN children get no ratio", async () => {
    const [row] = await rows(`SELECT count(*) FILTER (WHERE children < ${MIN_CHILDREN}) AS small FROM (${PLR})`);
    expect(berlinView(data, "11001001").sentences.small).toBe(`In ganz Berlin haben ${row!.small} der 542 Planungsräume weniger als ${MIN_CHILDREN} Kinder unter 6 Jahren.`);
    for (const p of plrRows(data)) if (p.children !== null && p.children < MIN_CHILDREN) expect(p.kitasPer1000).toBeNull();
  });
});
