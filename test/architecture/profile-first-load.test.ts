/**
 * The profile's page budget (issue #12 §8): what the page imports statically loads with it, so
 * the chart library (Plot, 70 KB gzipped) must be reachable only through a dynamic import(),
 * which the cards make when the first one comes into view (src/components/profile-charts.ts).
 */
import {existsSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import ts from "typescript";
import {describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** Specifiers a module imports statically at run time (type-only imports vanish when compiled). */
function staticImports(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const node of sf.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      if (!typeOnly) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

/** Every bare package a page's static import graph reaches, with the path that reaches it. */
function reachedPackages(pageFile: string): Map<string, string[]> {
  const page = readFileSync(join(ROOT, pageFile), "utf-8");
  const blocks = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).join("\n");
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, source: string, path: string[]) => {
    for (const specifier of staticImports(file, source)) {
      if (!specifier.startsWith(".")) {
        if (!packages.has(specifier)) packages.set(specifier, [...path, specifier]);
        continue;
      }
      const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, ".ts");
      if (seen.has(target) || !existsSync(join(ROOT, target))) continue;
      seen.add(target);
      visit(target, readFileSync(join(ROOT, target), "utf-8"), [...path, target]);
    }
  };
  visit(pageFile, blocks, [pageFile]);
  return packages;
}

describe("the profile page's first load", () => {
  const packages = reachedPackages("src/profil/[region].md");

  it("reaches its components statically (the walk sees the page's imports)", () => {
    expect([...packages.keys()]).toContain("minisearch");
  });

  it("does not load Plot before a card is drawn", () => {
    expect(packages.get("@observablehq/plot") ?? null).toBeNull();
  });
});
