/**
 * kbm bericht, read back by readers that did not write the files: mammoth (DOCX → HTML, which
 * maps Word's heading styles to h1…h3) plus an XML parser on word/document.xml, and the numbers
 * in every table checked against `kbm export` for the same region and group.
 */
import {readFileSync, rmSync, mkdtempSync, existsSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {unzipSync, strFromU8} from "fflate";
import {JSDOM} from "jsdom";
import mammoth from "mammoth";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {openRealWarehouse, type RealWarehouse} from "../../support/real-warehouse.ts";
import {captureIO} from "../../support/capture-io.ts";

let wh: RealWarehouse;
let dir: string;

beforeAll(async () => {
  wh = await openRealWarehouse("kbm-bericht-");
  dir = mkdtempSync(join(tmpdir(), "kbm-bericht-out-"));
}, 180_000);
afterAll(() => {
  wh?.close();
  rmSync(dir, {recursive: true, force: true});
});

async function run(args: string[]) {
  const c = captureIO();
  const code = await runCli(["bericht", ...args, "--warehouse", wh.target], c.io);
  return {code, stdout: c.stdout(), stderr: c.stderr()};
}

interface ExportRecord {
  indicator: string;
  period: string;
  value: number | null;
  flag: string | null;
  land: number | null;
  bund: number | null;
  peers: Record<string, {median: number | null}>;
}

async function exported(region: string): Promise<ExportRecord[]> {
  const c = captureIO();
  expect(await runCli(["export", "--region", region, "--warehouse", wh.target], c.io)).toBe(EXIT_OK);
  return JSON.parse(c.stdout()) as ExportRecord[];
}

async function registry(): Promise<{id: string; short_name: string; unit: string; decimals: number}[]> {
  const c = captureIO();
  expect(await runCli(["indicators", "--format", "json"], c.io)).toBe(EXIT_OK);
  return JSON.parse(c.stdout());
}

/** "1.084.800" → 1084800, "−2,5" → -2.5; written here, not taken from the project. */
function germanNumber(text: string): number {
  return Number(text.replace(/\./g, "").replace(",", ".").replace("−", "-"));
}

interface DocTable {
  caption: string;
  header: string[];
  rows: string[][];
}

async function readDocx(path: string) {
  const bytes = readFileSync(path);
  const {value: html} = await mammoth.convertToHtml({buffer: bytes});
  const doc = new JSDOM(html).window.document;
  const xml = strFromU8(unzipSync(new Uint8Array(bytes), {filter: (f) => f.name === "word/document.xml"})["word/document.xml"]!);
  const word = new JSDOM(xml, {contentType: "text/xml"}).window.document;
  const paragraphs = [...word.getElementsByTagName("w:p")].map((p) => ({
    style: p.getElementsByTagName("w:pStyle")[0]?.getAttribute("w:val") ?? null,
    text: [...p.getElementsByTagName("w:t")].map((t) => t.textContent).join("")
  }));
  // mammoth keeps captions as paragraphs right before each table.
  const tables: DocTable[] = [...doc.querySelectorAll("table")].map((t) => {
    const rows = [...t.querySelectorAll("tr")].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    return {caption: t.previousElementSibling?.textContent ?? "", header: rows[0]!, rows: rows.slice(1)};
  });
  return {doc, paragraphs, tables, text: doc.body.textContent ?? ""};
}

const CHAPTERS = ["Das Wichtigste in Kürze", "Datenlage", "Rahmenbedingungen", "Frühkindliche Bildung", "Allgemeinbildende Schule", "Berufliche Bildung", "Hochschule", "Quellen und Lizenzen"];

describe.each([
  {region: "05315", name: "Köln", group: "grossstaedte"},
  {region: "11008008", name: "Neukölln", group: "bezirke"}
])("kbm bericht --region $region (DOCX)", ({region, name, group}) => {
  let read: Awaited<ReturnType<typeof readDocx>>;
  const out = () => join(dir, `${region}.docx`);

  beforeAll(async () => {
    const result = await run(["--region", region, "--out", out(), "--ohne-abbildungen"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(EXIT_OK);
    read = await readDocx(out());
  }, 120_000);

  it("uses Word's heading styles: Title, then one Heading 1 per part in the issue's order, indicators as Heading 2", () => {
    const title = read.paragraphs.filter((p) => p.style === "Title");
    expect(title.map((p) => p.text)).toEqual([expect.stringContaining(name)]);
    const h1 = read.paragraphs.filter((p) => p.style === "Heading1").map((p) => p.text);
    expect(h1).toEqual(CHAPTERS);
    // mammoth (an independent reader) sees the same outline.
    expect([...read.doc.querySelectorAll("h1")].map((h) => h.textContent)).toEqual(CHAPTERS);
    const h2 = [...read.doc.querySelectorAll("h2")].map((h) => h.textContent);
    expect(h2.slice(0, 3)).toEqual(["Stellung in der Vergleichsgruppe", "Größte Veränderungen in fünf Jahren", "Trendwenden"]);
    // No heading level is skipped: every h3 follows an h2.
    const levels = [...read.doc.querySelectorAll("h1, h2, h3")].map((h) => Number(h.tagName[1]));
    levels.forEach((level, k) => expect(level - (levels[k - 1] ?? 1)).toBeLessThanOrEqual(1));
  });

  it("references every numbered figure and table in the text, numbered 1, 2, 3 … without gaps", () => {
    const captions = read.paragraphs.filter((p) => p.style === "Caption").map((p) => p.text);
    const figures = captions.map((c) => /^Abbildung (\d+):/.exec(c)?.[1]).filter(Boolean).map(Number);
    const tables = captions.map((c) => /^Tabelle (\d+):/.exec(c)?.[1]).filter(Boolean).map(Number);
    expect(figures.length).toBeGreaterThan(5);
    expect(figures).toEqual(figures.map((_, k) => k + 1));
    expect(tables).toEqual(tables.map((_, k) => k + 1));
    const body = read.paragraphs.filter((p) => p.style !== "Caption").map((p) => p.text).join("\n");
    for (const n of figures) expect(body, `Abbildung ${n}`).toMatch(new RegExp(`Abbildung ${n}\\b(?!:)`));
    for (const n of tables) expect(body, `Tabelle ${n}`).toMatch(new RegExp(`Tabelle ${n}\\b(?!:)`));
  });

  it("has real tables whose every number equals kbm export for the region and the group", async () => {
    const records = await exported(region);
    const byKey = new Map(records.map((r) => [`${r.indicator}|${r.period}`, r]));
    const indicators = await registry();
    const indicatorTables = read.tables.filter((t) => t.header[0] === "Jahr");
    expect(indicatorTables.length).toBeGreaterThan(5);
    let cells = 0;
    for (const table of indicatorTables) {
      const number = /^Tabelle \d+: /.exec(table.caption)![0];
      const matches = indicators.filter((i) => table.caption.startsWith(`${number}${i.short_name} (${i.unit})`));
      expect(matches, table.caption).toHaveLength(1);
      const ind = matches[0]!;
      const columns = table.header.length === 5 ? ["value", "median", "land", "bund"] : ["value", "median", "bund"];
      expect(table.header[2]).toMatch(/^Median /);
      for (const row of table.rows) {
        const [year, ...rest] = row;
        const period = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(year!);
        const record = byKey.get(`${ind.id}|${period ? `${period[3]}-${period[2]}-${period[1]}` : year}`);
        expect(record, `${ind.id} ${year}`).toBeDefined();
        columns.forEach((column, k) => {
          const cell = rest[k]!;
          const value = column === "median" ? record!.peers[group]?.median ?? null : (record![column as "value" | "land" | "bund"] as number | null);
          const where = `${ind.id} ${year} ${column}: "${cell}"`;
          if (value === null) {
            expect(cell === "–" || (column === "value" && cell === record!.flag), where).toBe(true);
          } else {
            const numberPart = cell.split(" ")[0]!;
            expect(numberPart, where).toMatch(ind.decimals ? new RegExp(`^−?[\\d.]+,\\d{${ind.decimals}}$`) : /^−?[\d.]+$/);
            expect(Math.abs(germanNumber(numberPart) - value), where).toBeLessThanOrEqual(0.5 * 10 ** -ind.decimals + 1e-9);
            cells++;
          }
        });
      }
    }
    expect(cells).toBeGreaterThan(50);
  });

  it("writes the same text, tables and numbers as Markdown", async () => {
    const md = await run(["--region", region, "--format", "md"]);
    expect(md.code).toBe(EXIT_OK);
    const unescape = (s: string) => s.replace(/\\([\\`*_[\]|<>#])/g, "$1");
    const mdTables = [...md.stdout.matchAll(/^\*\*(Tabelle \d+: .*)\*\*\n\n((?:\|.*\|\n)+)/gm)].map((m) => {
      const lines = m[2]!.trim().split("\n").filter((l) => !/^\| -{3}/.test(l));
      const cells = lines.map((l) => l.slice(2, -2).split(/ (?<!\\)\| /).map(unescape));
      return {caption: unescape(m[1]!), header: cells[0]!, rows: cells.slice(1)};
    });
    expect(mdTables).toEqual(read.tables);
    const mdHeadings = [...md.stdout.matchAll(/^(#{2,4}) (.*)$/gm)].map((m) => unescape(m[2]!));
    expect(mdHeadings).toEqual([...read.doc.querySelectorAll("h1, h2, h3")].map((h) => h.textContent));
    // Every sentence of the Word text appears in the Markdown.
    for (const p of read.paragraphs.filter((x) => x.style === null && x.text.length > 20)) expect(unescape(md.stdout)).toContain(p.text);
  });
});

describe("kbm bericht: wrong calls", () => {
  it("exits 2 for an unknown region and lists the closest choices", async () => {
    const result = await run(["--region", "Köl", "--format", "md"]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain("05315  Köln, Stadt");
    const none = await run(["--region", "99999", "--format", "md"]);
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.stderr).toContain("11008008  Neukölln");
  });

  it("exits 2 for a group the region does not belong to and lists the region's groups", async () => {
    const result = await run(["--region", "05315", "--gruppe", "landkreise", "--format", "md"]);
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain("grossstaedte");
    expect(result.stderr).not.toContain("  landkreise");
    const unknown = await run(["--region", "05315", "--gruppe", "gibtsnicht", "--format", "md"]);
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toMatch(/Möglich:\n {2}grossstaedte/);
  });

  it("needs --out for Word and names the region in a chosen group", async () => {
    expect((await run(["--region", "05315"])).code).toBe(EXIT_USAGE);
    const md = await run(["--region", "05315", "--gruppe", "kreisfrei", "--format", "md"]);
    expect(md.code).toBe(EXIT_OK);
    expect(md.stdout).toContain("Vergleichsgruppe: Kreisfreie Städte");
  });

  it("writes Markdown without figures to a file without leaving temp files", async () => {
    const out = join(dir, "md", "koeln.md");
    expect((await run(["--region", "05315", "--format", "md", "--out", out, "--ohne-abbildungen"])).code).toBe(EXIT_OK);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(join(dir, "md"))).toEqual(["koeln.md"]);
  });
});
