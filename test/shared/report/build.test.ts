/**
 * The draft's generated sentences against the warehouse, asked with SQL of its own, for three
 * regions: Köln (a Großstadt with long series), Landkreis Rostock (gaps after the 2011 Kreis
 * reform) and Neukölln (a Berlin district, single years). The report is built from the same
 * profile file the site reads; the SQL reads the facts and comparisons tables directly.
 */
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {profileFiles, reportContext} from "../../../pipelines/exports/report-input.ts";
import {buildReport, yearList} from "../../../src/shared/report/build.ts";
import type {Block, Report} from "../../../src/shared/report/model.ts";
import {formatValue} from "../../../src/shared/format.ts";
import {openRealWarehouse, type RealWarehouse} from "../../support/real-warehouse.ts";

let wh: RealWarehouse;
/** Every short name in the registry, longest first (some contain a colon themselves). */
let shortNames: string[] = [];
const reports = new Map<string, Report>();
const REGIONS = [
  {id: "05315", group: "grossstaedte"},
  {id: "13072", group: "landkreise"},
  {id: "11008008", group: "bezirke"}
];

beforeAll(async () => {
  wh = await openRealWarehouse("kbm-report-build-");
  shortNames = (await wh.rows(`SELECT short_name FROM indicators`)).map((r) => String(r.short_name)).sort((a, b) => b.length - a.length);
  const context = await reportContext(wh.sql, null);
  for (const {id} of REGIONS) {
    for await (const file of profileFiles(wh.sql, [id])) reports.set(id, buildReport({...context, file, groupId: file.region.groups[0]!}));
  }
}, 180_000);
afterAll(() => wh?.close());

/** The blocks between a heading and the next heading of the same or a higher level. */
function section(report: Report, title: string): Block[] {
  const start = report.blocks.findIndex((b) => b.kind === "heading" && b.text === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const level = (report.blocks[start] as {level: number}).level;
  const end = report.blocks.findIndex((b, k) => k > start && b.kind === "heading" && b.level <= level);
  return report.blocks.slice(start + 1, end < 0 ? undefined : end);
}

function listAfter(blocks: Block[], intro: RegExp): string[] {
  const k = blocks.findIndex((b) => b.kind === "paragraph" && intro.test(b.text));
  if (k < 0) return [];
  const list = blocks[k + 1];
  return list?.kind === "list" ? list.items : [];
}

/**
 * The indicator a "Kurzname: …" line speaks of. Cutting at the first colon would be wrong:
 * short names such as "Berufl. Schulen: mittlerer Abschluss" contain one.
 */
function nameOf(line: string): string {
  const name = shortNames.find((n) => line.startsWith(`${n}: `));
  expect(name, `no registry short name begins ${JSON.stringify(line)}`).toBeDefined();
  return name!;
}
const names = (items: string[]) => items.map(nameOf);

/** Each indicator's latest period with a number or a flag for the region. */
const LATEST = `
  WITH latest AS (
    SELECT indicator, max(period) AS period FROM facts
    WHERE region = $region AND (value IS NOT NULL OR flag IS NOT NULL) GROUP BY indicator
  )
  SELECT f.*, i.short_name, i.unit, (i.meta->>'decimals')::INTEGER AS decimals, i.meta->>'polarity' AS polarity
  FROM facts f JOIN latest l USING (indicator, period) JOIN indicators i ON i.id = f.indicator
  WHERE f.region = $region`;

describe.each(REGIONS)("report sentences for $id against SQL", ({id, group}) => {
  const report = () => reports.get(id)!;

  it("compares with the profile's default group", () => {
    expect(report().groupName).toBe(String(group === "grossstaedte" ? "Großstädte" : group === "landkreise" ? "Landkreise" : "Berliner Bezirke"));
  });

  it("lists the indicators in the top and bottom quarter of the group", async () => {
    const rows = await wh.rows(
      `WITH l AS (${LATEST}) SELECT l.short_name, round(c.percentile, 1) AS p, 100.0 * (c.rank - 1) / (c.n_ranked - 1) AS higher FROM l
       JOIN comparisons c ON c.region = l.region AND c.indicator = l.indicator AND c.period = l.period AND c.group_id = $group
       WHERE l.value IS NOT NULL AND c.n_ranked >= 4 AND c.percentile IS NOT NULL ORDER BY l.short_name`,
      {region: id, group}
    );
    const blocks = section(report(), "Stellung in der Vergleichsgruppe");
    const top = names(listAfter(blocks, /^Im oberen Viertel/)).sort();
    const bottom = names(listAfter(blocks, /^Im unteren Viertel/)).sort();
    expect(top).toEqual(rows.filter((r) => Number(r.p) >= 75).map((r) => r.short_name).sort());
    expect(bottom).toEqual(rows.filter((r) => Number(r.higher) >= 75).map((r) => r.short_name).sort());
    expect(top.length + bottom.length).toBeGreaterThan(0);
  });

  it("says günstig/ungünstig only where the registry gives a polarity", async () => {
    const polarity = new Map((await wh.rows(`SELECT short_name, meta->>'polarity' AS p FROM indicators`)).map((r) => [r.short_name, r.p]));
    const lines = section(report(), "Das Wichtigste in Kürze").flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const p = polarity.get(nameOf(line));
      expect(p, line).toBeDefined();
      if (p === "neutral") expect(line, line).not.toMatch(/günstig/);
      else if (/Viertel/.test(line)) expect(line, line).toMatch(/günstig/);
    }
  });

  it("lists the five largest relative five-year changes between values the warehouse compared", async () => {
    const rows = await wh.rows(
      `WITH l AS (${LATEST}) SELECT short_name, value, change_5y FROM l
       WHERE value IS NOT NULL AND change_5y IS NOT NULL AND value - change_5y <> 0
       ORDER BY abs(change_5y / (value - change_5y)) DESC, indicator LIMIT 5`,
      {region: id}
    );
    const items = section(report(), "Größte Veränderungen in fünf Jahren").flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(names(items)).toEqual(rows.map((r) => r.short_name));
  });

  it("finds the trend reversals of the stated rule from the yearly values", async () => {
    // Three-year changes from the values themselves: all seven years t-6 … t must carry a number.
    const rows = await wh.rows(
      `WITH l AS (${LATEST}), w AS (
         SELECT l.short_name, count(f.value) AS n,
                max(f.value) FILTER (WHERE f.year = l.year) - max(f.value) FILTER (WHERE f.year = l.year - 3) AS recent,
                max(f.value) FILTER (WHERE f.year = l.year - 3) - max(f.value) FILTER (WHERE f.year = l.year - 6) AS before
         FROM l JOIN facts f ON f.region = l.region AND f.indicator = l.indicator AND substr(f.period, 5) = substr(l.period, 5)
              AND f.year BETWEEN l.year - 6 AND l.year AND f.value IS NOT NULL AND (f.flag IS NULL OR f.flag NOT IN ('.', '...', '/', 'x'))
         WHERE l.value IS NOT NULL GROUP BY l.short_name)
       SELECT short_name FROM w WHERE n = 7 AND abs(recent) >= 1 AND abs(before) >= 1 AND sign(recent) <> sign(before) ORDER BY short_name`,
      {region: id}
    );
    const items = section(report(), "Trendwenden").flatMap((b) => (b.kind === "list" ? b.items : []));
    expect(names(items).sort()).toEqual(rows.map((r) => r.short_name));
  });

  it("states each indicator's latest value and its side of the group median", async () => {
    const rows = await wh.rows(
      `WITH l AS (${LATEST}) SELECT l.*, c.median, c.n_ranked, r.name AS region_name FROM l JOIN regions r ON r.id = l.region
       LEFT JOIN comparisons c ON c.region = l.region AND c.indicator = l.indicator AND c.period = l.period AND c.group_id = $group`,
      {region: id, group}
    );
    expect(rows.length).toBeGreaterThan(5);
    const text = report().blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : [])).join("\n");
    for (const r of rows) {
      if (r.value === null) {
        expect(text).toContain(`ist für ${r.region_name} kein Zahlenwert veröffentlicht (Zeichen „${r.flag}“`);
        continue;
      }
      const value = formatValue(Number(r.value), String(r.unit), Number(r.decimals));
      expect(text, String(r.indicator)).toContain(`lag der Wert in ${r.region_name} bei ${value}`);
      if (r.median !== null && Number(r.n_ranked) >= 2) {
        const relation = Number(r.value) > Number(r.median) ? "über" : Number(r.value) < Number(r.median) ? "unter" : "genau auf";
        expect(text, String(r.indicator)).toContain(`Damit lag ${r.region_name} ${relation} dem Median der Vergleichsgruppe ${report().groupName} (${formatValue(Number(r.median), String(r.unit), Number(r.decimals))}; Rang`);
      }
    }
  });

  it("names the years without a value in the Datenlage", async () => {
    const rows = await wh.rows(
      `WITH y AS (SELECT indicator, year FROM facts WHERE region = $region AND (value IS NOT NULL OR flag IS NOT NULL)),
            span AS (SELECT indicator, range(min(year), max(year) + 1) AS years FROM y GROUP BY indicator),
            missing AS (SELECT indicator, unnest(years) AS year FROM span EXCEPT SELECT indicator, year FROM y)
       SELECT i.short_name, list(m.year ORDER BY m.year) AS years FROM missing m JOIN indicators i ON i.id = m.indicator GROUP BY i.short_name`,
      {region: id}
    );
    const lines = section(report(), "Datenlage").flatMap((b) => (b.kind === "list" ? b.items : []));
    for (const r of rows) {
      const line = lines.find((l) => l.startsWith(`${r.short_name}:`));
      expect(line, String(r.short_name)).toContain(`ohne Wert ${yearList((r.years as number[]).map(Number))}`);
    }
    const withGaps = lines.filter((l) => l.includes("ohne Wert"));
    expect(withGaps.length).toBe(rows.length);
    if (id === "13072") expect(rows.length).toBeGreaterThan(0);
  });
});
