/**
 * The pitfalls page's sentences against the warehouse built from the committed snapshot: each
 * real example recomputed with SQL over the same warehouse.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {trainingPitfalls, type PitfallData} from "../../pipelines/exports/training-pitfalls.ts";
import {withWarehouse} from "../../pipelines/warehouse/open.ts";
import {openRealWarehouse, type RealWarehouse} from "../support/real-warehouse.ts";
import * as P from "../../src/components/training-pitfalls.ts";

let warehouse: RealWarehouse;
let data: PitfallData;

const rows = (query: string, params?: Record<string, string | number>) => warehouse.rows(query, params);

const de = (v: number, decimals = 1) => {
  const [int, frac] = Math.abs(v).toFixed(decimals).split(".");
  return `${v < 0 && Number(Math.abs(v).toFixed(decimals)) !== 0 ? "\u2212" : ""}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".")}${frac ? `,${frac}` : ""}`;
};

const LEAVERS = `
  SELECT r.id, r.land, round(je.value * ew.value / 1000, 6) AS leavers, o.change_1y AS change
  FROM regions r
  JOIN facts je ON je.region = r.id AND je.indicator = 'schulabgaenger_je_1000_ew' AND je.year = 2022
  JOIN facts ew ON ew.region = r.id AND ew.indicator = 'bevoelkerung' AND ew.year = 2022
  LEFT JOIN facts o ON o.region = r.id AND o.indicator = 'schulabgaenger_ohne_hsa' AND o.year = 2022
  WHERE r.level = 'kreis'`;

beforeAll(async () => {
  warehouse = await openRealWarehouse("kbm-training-pitfalls-");
  data = await withWarehouse(warehouse.target, trainingPitfalls);
}, 120_000);

afterAll(() => warehouse?.close());

describe("pitfalls, each with a computed real example", () => {
  it("small numbers: median absolute change in the smallest and the largest tenth of Kreise", async () => {
    const [row] = await rows(`
      WITH l AS (SELECT *, row_number() OVER (ORDER BY leavers, id) AS k, count(*) OVER () AS n FROM (${LEAVERS}) WHERE change IS NOT NULL)
      SELECT quantile_cont(abs(change), 0.5) FILTER (WHERE k <= n // 10) AS small,
             quantile_cont(abs(change), 0.5) FILTER (WHERE k > n - n // 10) AS large,
             any_value(n // 10) AS tenth
      FROM l`);
    const sentence = P.smallNumbersSentence(data);
    expect(sentence).toContain(`in den ${row!.tenth} Kreisen mit den wenigsten`);
    expect(sentence).toContain(`im Median um ${de(row!.small as number)}\u00a0Prozentpunkte, in den ${row!.tenth} Kreisen mit den meisten`);
    expect(sentence).toContain(`um ${de(row!.large as number)}\u00a0Prozentpunkte – ohne Vorzeichen`);
    expect(row!.small as number).toBeGreaterThan(row!.large as number);
  });

  it("rounding: the NRW Kreis with the fewest leavers and the shift of 2 persons", async () => {
    const [row] = await rows(`SELECT l.id, l.leavers, o.value AS share FROM (${LEAVERS}) l JOIN facts o ON o.region = l.id AND o.indicator = 'schulabgaenger_ohne_hsa' AND o.year = 2022 WHERE l.land = '05' ORDER BY l.leavers LIMIT 1`);
    const ex = P.roundingExample(data)!;
    expect(ex.id).toBe(row!.id);
    expect(P.roundingSentence(data)).toContain(`um bis zu ${de((2 / (row!.leavers as number)) * 100, 2)}\u00a0Prozentpunkte`);
    expect(P.roundingSentence(data)).toContain(`(${de(row!.share as number)}\u00a0%)`);
  });

  it("school location: Landkreise with 0 % Abitur next to their city", async () => {
    // The newest year with leavers' shares for Kreise (the sentence follows the data).
    const [{y: year}] = (await rows("SELECT max(f.year) AS y FROM facts f JOIN regions r ON r.id = f.region AND r.level = 'kreis' WHERE f.indicator = 'schulabgaenger_allg_hochschulreife' AND f.value IS NOT NULL")) as [{y: number}];
    const list = await rows(`
      SELECT lk.name AS lk, st.name AS city, fs.value AS v FROM facts f
      JOIN regions lk ON lk.id = f.region AND lk.level = 'kreis' AND NOT lk.kreisfrei
      JOIN regions st ON st.level = 'kreis' AND st.kreisfrei AND st.land = lk.land AND st.name = lk.name
      JOIN facts fs ON fs.region = st.id AND fs.indicator = f.indicator AND fs.year = f.year
      WHERE f.indicator = 'schulabgaenger_allg_hochschulreife' AND f.year = ${Number(year)} AND f.value = 0 ORDER BY lk.id`);
    const sentence = P.schoolLocationSentence(data);
    expect(sentence).toMatch(new RegExp(`^${Number(year)} hatten die Landkreise Bamberg und Schweinfurt 0,0`));
    for (const r of list) expect(sentence).toContain(`${r.city} ${de(r.v as number)}\u00a0%`);
    const over = await rows("SELECT r.name, f.value FROM facts f JOIN regions r ON r.id = f.region AND r.level = 'kreis' WHERE f.indicator = 'betreuungsquote_3_6' AND f.year = 2023 AND f.value > 100 ORDER BY f.value DESC");
    for (const r of over) expect(P.placeOfCareSentence(data)).toContain(`${String(r.name).split(",")[0]} bei ${de(r.value as number)}\u00a0%`);
  });

  it("reference dates: the Bezirk with the largest gap between 30.06.2022 and 31.12.2023, and the youth-rate changes", async () => {
    const [b] = await rows(`
      SELECT b.name, sum(p.value) AS plr, any_value(b23.value) AS b23
      FROM regions b JOIN regions pr ON pr.parent = b.id AND pr.level = 'planungsraum'
      JOIN facts p ON p.region = pr.id AND p.indicator = 'einwohner_melderegister'
      JOIN facts b23 ON b23.region = b.id AND b23.indicator = 'einwohner_melderegister' AND b23.period = '2023'
      WHERE b.level = 'bezirk' GROUP BY b.name ORDER BY (any_value(b23.value) - sum(p.value)) / sum(p.value) DESC LIMIT 1`);
    const [first] = P.referenceDateSentences(data);
    expect(first).toContain(`${b!.name}: ${de(b!.plr as number, 0)} Einwohnerinnen und Einwohner als Summe der Planungsräume am 30.06.2022`);
    expect(first).toContain(`und ${de(b!.b23 as number, 0)} am 31.12.2023`);
    // The naive difference October 2023 − annual average 2022, which the warehouse itself leaves out.
    const [y] = await rows("SELECT median(f.value - p.value) AS m, count(*) AS n, count(f.change_1y) AS computed FROM facts f JOIN regions r ON r.id = f.region AND r.level = 'kreis' JOIN facts p ON p.indicator = f.indicator AND p.region = f.region AND p.period = '2022' WHERE f.indicator = 'jugendarbeitslosenquote' AND f.year = 2023");
    expect(Number(y!.computed)).toBe(0);
    expect(P.referenceDateSentences(data)[1]).toContain(`im Median der ${y!.n} Kreise um +${de(y!.m as number)} Prozentpunkte`);
  });

  it("definitions: Kreise where the two Abitur shares differ, by Land", async () => {
    const list = await rows(`
      SELECT l.name AS land, count(*) AS n FROM facts a
      JOIN facts b ON b.region = a.region AND b.indicator = 'schulabgaenger_hochschulreife_fhr' AND b.year = 2022
      JOIN regions r ON r.id = a.region AND r.level = 'kreis' JOIN regions l ON l.id = r.land AND l.level = 'land'
      WHERE a.indicator = 'schulabgaenger_allg_hochschulreife' AND a.year = 2022 AND abs(a.value - b.value) > 0.05 + 1e-9
      GROUP BY l.name ORDER BY n DESC, l.name`);
    const total = list.reduce((s, r) => s + (r.n as number), 0);
    const sentence = P.definitionSentence(data);
    expect(sentence).toContain(`in ${total} von 400 Kreisen`);
    expect(sentence).toContain(`(nach Ländern: ${list.slice(0, 3).map((r) => `${r.land} ${r.n}`).join(", ")})`);
  });

  it("territorial reforms: Göttingen and the Wartburgkreis, with the years their series lack", async () => {
    const sentences = P.reformSentences(data);
    const [g] = await rows("SELECT min(year) AS a, max(year) AS b, count(value) AS n FROM facts WHERE indicator = 'schulabgaenger_ohne_hsa' AND region = '03159' AND value IS NOT NULL");
    expect(sentences[0]).toContain(`Schlüssel 03159 (Göttingen) reicht von ${g!.a} bis ${g!.b} (${g!.n} Jahre; es fehlt 2001)`);
    expect(sentences[0]).toContain("Die alten Schlüssel 03152 und 03156 gibt es im Datenbestand nicht mehr.");
    expect(sentences[1]).toMatch(/^01\.07\.2021: Eingliederung der kreisfreien Stadt Eisenach in den Wartburgkreis\./);
    expect(sentences[1]).toContain("Den alten Schlüssel 16056 gibt es im Datenbestand nicht mehr.");
    const [gone] = await rows("SELECT count(*) AS n FROM regions WHERE id IN ('16056', '03152', '03156')");
    expect(gone!.n).toBe(0);
  });

  it("flags: the counts per flag, the gap years, and what reading '.' as 0 would do", async () => {
    const flags = await rows("SELECT flag, count(*) AS n FROM facts WHERE flag IS NOT NULL GROUP BY flag ORDER BY n DESC, flag");
    const sentences = P.flagSentences(data);
    for (const f of flags) expect(sentences[0]).toContain(`${de(f.n as number, 0)} × „${f.flag}“`);
    // Gap years: inside the series' span, no Kreis has a number (2021, 2022 and, since 2025 came in, 2024).
    const gaps = await rows(`
      WITH y AS (SELECT DISTINCT f.year FROM facts f JOIN regions r ON r.id = f.region AND r.level = 'kreis' WHERE f.indicator = 'betreuungsquote_u3' AND f.value IS NOT NULL)
      SELECT g.year FROM range((SELECT min(year) FROM y), (SELECT max(year) FROM y)) g(year) WHERE g.year NOT IN (SELECT year FROM y) ORDER BY g.year`);
    const years = gaps.map((g) => String(g.year));
    const list = years.length > 1 ? `${years.slice(0, -1).join(", ")} und ${years.at(-1)}` : years[0];
    expect(sentences[1]).toMatch(new RegExp(`^Betreuungsquote unter 3: ${list} hat kein Kreis einen Wert`));
    const [m] = await rows("SELECT quantile_cont(value, 0.5) AS right, quantile_cont(coalesce(value, 0), 0.5) AS wrong, count(*) FILTER (WHERE value IS NULL) AS missing FROM facts f JOIN regions r ON r.id = f.region AND r.level = 'planungsraum' WHERE f.indicator = 'mss_kinderarmut'");
    expect(sentences[2]).toContain(`${m!.missing} Planungsräume haben keinen Wert`);
    expect(sentences[2]).toContain(`erhielte ${de(m!.wrong as number, 2)}\u00a0% statt ${de(m!.right as number, 2)}\u00a0%`);
  });

  it("correlation: Pearson's r as DuckDB computes it", async () => {
    const [c] = await rows("SELECT corr(k.value, o.value) AS r, count(*) AS n FROM facts k JOIN facts o ON o.region = k.region AND o.indicator = 'schulabgaenger_ohne_hsa' AND o.year = 2022 JOIN regions r ON r.id = k.region AND r.level = 'kreis' WHERE k.indicator = 'kinderarmut_sgb2_u15' AND k.year = 2022 AND k.value IS NOT NULL AND o.value IS NOT NULL");
    const ex = P.correlationExample(data);
    expect(ex.n).toBe(c!.n);
    expect(ex.r).toBeCloseTo(c!.r as number, 10);
    expect(P.correlationSentence(data)).toContain(`(r = ${de(c!.r as number, 2)})`);
    expect(P.correlationSentence(data)).toContain("Das heißt nicht, dass das eine das andere verursacht");
  });
});
