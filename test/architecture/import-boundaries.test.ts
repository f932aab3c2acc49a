/**
 * The layers keep their direction: pipelines/ (Node) never imports page components, and page
 * components import pipelines/ only for types (erased at build; Framework bundles only src/).
 * Code both sides need lives in src/shared/.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {describe, expect, it} from "vitest";

const root = join(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(join(root, dir), {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && /\.(ts|js|md)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** Every `import … from "x"` (and `export … from`) with whether it is type-only. */
function imports(file: string): {from: string; typeOnly: boolean}[] {
  const text = readFileSync(join(root, file), "utf-8");
  return [...text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+["']([^"']+)["']/gm)].map((m) => ({from: m[3]!, typeOnly: m[2] !== undefined}));
}

describe("import boundaries", () => {
  it("finds imports (the scan itself works)", () => {
    expect(imports("pipelines/cli/commands/reach.ts").some((i) => i.from.includes("src/shared/programme-figures"))).toBe(true);
  });

  it("pipelines/ imports nothing from src/components/", () => {
    const offending = files("pipelines").flatMap((f) => imports(f).filter((i) => i.from.includes("src/components/")).map((i) => `${f} → ${i.from}`));
    expect(offending).toEqual([]);
  });

  it("src/components/ imports pipelines/ only as types", () => {
    const offending = files("src/components").flatMap((f) => imports(f).filter((i) => i.from.includes("pipelines/") && !i.typeOnly).map((i) => `${f} → ${i.from}`));
    expect(offending).toEqual([]);
  });
});
