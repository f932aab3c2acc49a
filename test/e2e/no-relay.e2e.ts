/**
 * Producers, not relays (issue 11 §5): outside the Bezugsweg (the `via` field of the source
 * catalogue, shown in one column on /daten/) and data/snapshot/SOURCES.md, no file of dist/ and
 * no download in it names a repository or the way a file reached the project. The names to
 * look for are read from the catalogue's own Bezugsweg entries, plus the generic marks.
 * Runs on the dist/ that `npm run test:e2e` builds.
 */
import {describe, expect, it} from "vitest";
import {unzipSync} from "fflate";
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

/** Repository owners and names ("hhilbig/gerda @ 8124aa7" → "hhilbig/gerda", "hhilbig") from the Bezugsweg entries. */
function relayNames(): string[] {
  const sources = JSON.parse(readFileSync(join(root, "data/snapshot/sources.json"), "utf-8")) as {via: string}[];
  const names = new Set<string>();
  for (const s of sources) {
    for (const m of s.via.matchAll(/([A-Za-z0-9][\w.-]*)\/([\w.-]+) @ [0-9a-f]{7}/g)) {
      names.add(`${m[1]}/${m[2]}`);
      if (m[1]!.length >= 6) names.add(m[1]!);
    }
  }
  return [...names];
}

/** A JSON document without its Bezugsweg fields: the one place where they belong. */
function withoutVia(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVia);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "via").map(([k, v]) => [k, withoutVia(v)]));
  return value;
}

function texts(path: string, bytes: Uint8Array): [string, string][] {
  if (path.endsWith(".zip")) return Object.entries(unzipSync(bytes)).flatMap(([name, inner]) => texts(`${path}!${name}`, inner));
  const text = Buffer.from(bytes).toString("utf-8");
  // Only /daten/'s source catalogue (quellen.json) carries the Bezugsweg, in its `via` fields.
  if (/quellen\.[0-9a-f]+\.json$/.test(path)) {
    try {
      return [[path, JSON.stringify(withoutVia(JSON.parse(text)))]];
    } catch {
      return [[path, text]];
    }
  }
  return [[path, text]];
}

describe("Hersteller statt Bezugsweg in dist/", () => {
  it("no built file or download names a repository or the relay, except the Bezugsweg fields", () => {
    expect(existsSync(join(dist, "daten", "index.html")), "dist/ mit der Seite /daten/ (npm run build)").toBe(true);
    const names = relayNames();
    expect(names).toContain("hhilbig/gerda");
    const escaped = names.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp([...escaped, "github\\.com", "gitlab\\.com", "R-Paket", "von Hand abgeschrieben", "Rohdaten der Spalten"].join("|"), "gi");
    const found: string[] = [];
    let scanned = 0;
    let downloads = 0;
    let viaSeen = false;
    for (const file of files(dist)) {
      if (file.endsWith("SOURCES.md")) continue;
      for (const [name, text] of texts(file, readFileSync(file))) {
        scanned++;
        if (name.includes("!") || /_file\/data\/(profiles\/|observations\.)/.test(name)) downloads++;
        if (/quellen\.[0-9a-f]+\.json$/.test(name) && /"via":"[^"]*@ [0-9a-f]{7}/.test(readFileSync(file, "utf-8"))) viaSeen = true;
        for (const match of new Set(text.match(pattern) ?? [])) found.push(`${relative(dist, name)}: ${match}`);
      }
    }
    expect(scanned).toBeGreaterThan(100);
    // The downloads (observations CSV and Parquet, per-region profile files, any ZIP opened) were
    // read, and the Bezugsweg data exists (so the exemption is used, not vacuous).
    expect(downloads).toBeGreaterThan(100);
    expect(viaSeen).toBe(true);
    expect(found).toEqual([]);
  });
});
