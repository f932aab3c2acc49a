/**
 * The import rule (issue #13 §6): the Node side (pipelines/, loaders/) never imports a browser
 * component (src/components/), and a component never imports the Node side except for types
 * (which vanish when compiled). Code both sides need lives in src/shared/.
 */
import {readdirSync, readFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import ts from "typescript";
import {describe, expect, it} from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

/** Imports that break the rule today and are being moved by another issue; each must go. */
function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && /\.ts$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** Every static import, re-export and dynamic import() of a file, resolved to a repository path. */
function importsOf(file: string, source = readFileSync(join(ROOT, file), "utf-8")): ImportEdge[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const edges: ImportEdge[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    if (!specifier.startsWith(".")) return;
    const to = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.js$/, ".ts");
    edges.push({from: file, to, typeOnly});
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return edges;
}

const label = (e: ImportEdge) => `${e.from} → ${e.to}`;

describe("import rule between the Node side and the browser components", () => {
  it("reads type-only imports apart from value imports (so the rule below can fail)", () => {
    const edges = importsOf(
      "src/components/x.ts",
      [
        'import type {A} from "../../pipelines/a.ts";',
        'import {type B} from "../../pipelines/b.ts";',
        'import {C} from "../../pipelines/c.ts";',
        'import {type D, E} from "../../pipelines/d.ts";',
        'export {F} from "../../pipelines/f.ts";',
        'const g = await import("../../pipelines/g.ts");'
      ].join("\n")
    );
    expect(edges.map((e) => [e.to, e.typeOnly])).toEqual([
      ["pipelines/a.ts", true],
      ["pipelines/b.ts", true],
      ["pipelines/c.ts", false],
      ["pipelines/d.ts", false],
      ["pipelines/f.ts", false],
      ["pipelines/g.ts", false]
    ]);
  });

  it("pipelines/ and loaders/ import nothing from src/components/", () => {
    const edges = [...tsFiles("pipelines"), ...tsFiles("loaders")].flatMap((f) => importsOf(f));
    const broken = edges.filter((e) => e.to.startsWith("src/components/")).map(label);
    expect(broken).toEqual([]);
  });

  it("src/components/ imports only types from pipelines/ and loaders/", () => {
    const edges = tsFiles("src/components").flatMap((f) => importsOf(f));
    const broken = edges.filter((e) => (e.to.startsWith("pipelines/") || e.to.startsWith("loaders/")) && !e.typeOnly).map(label);
    expect(broken).toEqual([]);
  });

});
