/**
 * No personal data of the programme sheets in the built site: every name, e-mail address and
 * phone number of data/programme/teilnahmen.csv is searched for in every file of dist/
 * (case-insensitive; phone numbers also as bare digits). Runs on the dist/ that
 * `npm run test:e2e` builds.
 */
import {describe, expect, it} from "vitest";
import Papa from "papaparse";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";

const root = resolve(import.meta.dirname, "../..");
const dist = join(root, "dist");

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every personal value in the attendance sheet, read on its own (not through the loader). */
function personalData(): string[] {
  const text = readFileSync(join(root, "data/programme/teilnahmen.csv"), "utf-8").replace(/^\uFEFF/, "");
  const rows = Papa.parse<Record<string, string>>(text, {header: true, delimiter: ";", skipEmptyLines: true}).data;
  const values = new Set<string>();
  for (const row of rows) {
    for (const column of ["name", "email", "telefon"]) {
      const value = (row[column] ?? "").trim().toLowerCase();
      if (value) values.add(value);
    }
    const digits = (row.telefon ?? "").replace(/\D/g, "");
    if (digits.length >= 8) values.add(digits);
    const local = (row.email ?? "").split("@")[0]!.trim().toLowerCase();
    if (local.length >= 6) values.add(local);
  }
  return [...values];
}

describe("Datenschutz: keine Personendaten in dist/", () => {
  it("finds no name, e-mail address or phone number of the programme sheets in any built file", () => {
    expect(existsSync(join(dist, "programm", "index.html")), "dist/ mit der Seite /programm/ (npm run build)").toBe(true);
    const secrets = personalData();
    expect(secrets.length).toBeGreaterThan(500);
    // One pass per file: every secret (and any @example.org address) as one alternation.
    const pattern = new RegExp([...secrets, "@example.org"].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
    const found: string[] = [];
    let scanned = 0;
    for (const file of files(dist)) {
      const text = readFileSync(file).toString("utf-8").toLowerCase();
      scanned++;
      for (const match of new Set(text.match(pattern) ?? [])) found.push(`${relative(dist, file)}: ${match}`);
    }
    expect(scanned).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it("the page's data holds counts, not people", () => {
    const data = [...files(join(dist, "_file"))].filter((f) => /programm\.[0-9a-f]+\.json$/.test(f));
    expect(data).toHaveLength(1);
    const json = JSON.parse(readFileSync(data[0]!, "utf-8"));
    expect(Object.keys(json).sort()).toEqual(["events", "indicators", "milestones", "modules", "municipalities", "series", "source", "stand", "topic_groups"]);
    expect(JSON.stringify(json)).not.toMatch(/"(person|email|e-mail|telefon|phone)"\s*:/i);
  });
});
