import {describe, expect, it} from "vitest";
import {mkdtempSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {contentSecurityPolicy, finalizeDist, inlineScriptHashes, setLanguage} from "../../../pipelines/site/finalize-dist.ts";

const page = [
  "<!DOCTYPE html>",
  "<html>",
  "<head>",
  '<meta charset="utf-8">',
  '<script type="module">console.log(1)</script>',
  '<script src="./_observablehq/client.js"></script>',
  "</head><body><p>&lt;html&gt;</p><script>console.log(1)</script></body>",
  "</html>",
  ""
].join("\n");

// Reference value from `printf 'console.log(1)' | openssl dgst -sha256 -binary | base64`.
const HASH = "'sha256-CihokcEcBW4atb/CW/XWsvWwbTjqwQlE9nj9ii5ww5M='";

describe("finalizeDist", () => {
  it("declares German on the root element only", () => {
    expect(setLanguage(page)).toBe(page.replace("<html>", '<html lang="de">'));
  });

  it("refuses a page whose prologue it does not know, instead of guessing", () => {
    expect(() => setLanguage("<html><body></body></html>")).toThrow(/Framework's HTML template changed/);
  });

  it("hashes each distinct inline script once and ignores external ones", () => {
    expect(inlineScriptHashes(page)).toEqual([HASH]);
  });

  it("allows scripts only from the site itself and by hash: no unsafe-inline, no unsafe-eval", () => {
    const policy = contentSecurityPolicy(page);
    const scriptSrc = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe(`script-src 'self' ${HASH}`);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
  });

  it("rewrites every HTML file below dist/, nested ones included, and leaves other files alone", async () => {
    const dist = mkdtempSync(join(tmpdir(), "kbm-dist-"));
    mkdirSync(join(dist, "profil"));
    writeFileSync(join(dist, "index.html"), page);
    writeFileSync(join(dist, "profil", "05315.html"), page);
    writeFileSync(join(dist, "data.json"), "<html>");
    expect(await finalizeDist(dist)).toBe(2);
    const html = readFileSync(join(dist, "profil", "05315.html"), "utf-8");
    expect(html).toContain('<html lang="de">');
    expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf("<script"));
    expect(readFileSync(join(dist, "data.json"), "utf-8")).toBe("<html>");
  });
});

describe("fixSidebar", () => {
  const sidebar = '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">\n<nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n    <li>x</li>\n  </ol>\n</nav>';

  it("names the toggle in German and keeps only <li> inside the list", async () => {
    const {fixSidebar} = await import("../../../pipelines/site/finalize-dist.ts");
    const fixed = fixSidebar(sidebar);
    expect(fixed).toContain('aria-label="Navigation ein- oder ausblenden"');
    expect(fixed).not.toContain("Toggle sidebar");
    expect(fixed).toMatch(/<\/label>\n  <ol>\n    <li>x<\/li>/);
  });

  it("leaves pages without a sidebar alone and refuses unknown sidebar markup", async () => {
    const {fixSidebar} = await import("../../../pipelines/site/finalize-dist.ts");
    expect(fixSidebar("<main></main>")).toBe("<main></main>");
    expect(() => fixSidebar('<nav id="observablehq-sidebar"><ul></ul></nav>')).toThrow(/template changed/);
  });
});
