import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {htmlFiles} from "../../pipelines/site/finalize-dist.ts";
import {resolveRequestPath} from "../../pipelines/site/serve-dist.ts";

const dist = resolve(import.meta.dirname, "../../dist");

/** The URL path a page is served at (clean URLs): index.html → /dir/, x.html → /x. */
function pagePath(file: string): string {
  const rel = "/" + relative(dist, file).split("\\").join("/");
  return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel.replace(/\.html$/, "");
}

describe("interne Links", () => {
  it("every href and src in every built page points at a file in dist/", async () => {
    const broken: string[] = [];
    let checked = 0;
    for await (const file of htmlFiles(dist)) {
      const html = readFileSync(file, "utf-8");
      const base = new URL(pagePath(file), "http://site.invalid");
      for (const [, attr, value] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
        if (!value || /^(https?:|mailto:|tel:|data:|#)/.test(value)) continue;
        const url = new URL(value, base);
        checked++;
        if (!resolveRequestPath(dist, url.pathname)) broken.push(`${pagePath(file)}: ${attr}="${value}"`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it("no page links to another host except the licence and source pages named as such", async () => {
    const foreign = new Set<string>();
    for await (const file of htmlFiles(dist)) {
      for (const [, value] of readFileSync(file, "utf-8").matchAll(/\s(?:src|href)="(https?:[^"]*)"/g)) foreign.add(value!);
    }
    // Static HTML loads nothing from other hosts: no script, stylesheet, font or image URL.
    expect([...foreign].filter((u) => /\.(js|css|woff2?|png|svg)(\?|$)/.test(u))).toEqual([]);
  });
});
