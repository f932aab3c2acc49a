/**
 * Fills Observable Framework's npm cache from node_modules so that `observable build`
 * needs no network (design.md §4). Framework resolves every `npm:` import (explicit,
 * implicit like Plot/d3/Inputs, and those of its own client bundle) through
 * src/.observablehq/cache/_npm/<name>@<version>/; a module found there is not downloaded.
 */
import {build} from "esbuild";
import {existsSync, readFileSync} from "node:fs";
import {mkdir, rm} from "node:fs/promises";
import {dirname, join, relative, resolve} from "node:path";

const repoRoot = resolve(import.meta.dirname, "../..");

/** Modules pages load: bundled from node_modules. `external` keeps one shared d3 copy. */
const BUNDLED: {name: string; external?: string[]}[] = [
  {name: "d3"},
  {name: "d3-dsv"},
  {name: "apache-arrow"},
  {name: "@observablehq/plot", external: ["d3"]},
  {name: "@observablehq/inputs"},
  {name: "htl"},
  {name: "isoformat"},
  {name: "topojson-client"}
];

/**
 * Names Framework's client bundle resolves at build time although no page loads them:
 * an empty version folder answers the version look-up.
 */
const RESOLVED_ONLY = [
  "react-dom", "react", "lodash", "arquero", "echarts", "leaflet", "mapbox-gl",
  "@observablehq/sample-datasets", "@viz-js/viz", "mermaid", "katex", "sql.js", "exceljs",
  "jszip", "vega", "vega-lite", "vega-lite-api", "@uwdata/vgplot", "parquet-wasm",
  "@observablehq/duckdb", "@duckdb/duckdb-wasm"
];

/** Reads the version from node_modules directly: some packages do not export package.json. */
export function installedVersion(name: string): string {
  const path = join(repoRoot, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(path, "utf-8")) as {version: string}).version;
}

function tryInstalledVersion(name: string): string | undefined {
  return existsSync(join(repoRoot, "node_modules", name, "package.json")) ? installedVersion(name) : undefined;
}

export async function prepareOfflineCache(root: string): Promise<string[]> {
  const cacheDir = join(root, ".observablehq", "cache", "_npm");
  await rm(cacheDir, {recursive: true, force: true});
  const written: string[] = [];
  for (const {name, external = []} of BUNDLED) {
    const version = installedVersion(name);
    const outfile = join(cacheDir, `${name}@${version}`, "_esm.js");
    const aliases = Object.fromEntries(external.map((dep) => [dep, relative(dirname(outfile), join(cacheDir, `${dep}@${installedVersion(dep)}`, "_esm.js"))]));
    await build({
      stdin: {contents: `export * from ${JSON.stringify(name)};`, resolveDir: root, loader: "js"},
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "inline",
      outfile,
      plugins: [externalAs(aliases)],
      logLevel: "error"
    });
    written.push(`${name}@${version}`);
  }
  for (const name of RESOLVED_ONLY) {
    // Pinned packages (duckdb-wasm) are never looked up; the others only need a version.
    await mkdir(join(cacheDir, `${name}@${tryInstalledVersion(name) ?? "0.0.0-offline"}`), {recursive: true});
  }
  return written;
}

/** Rewrites bare imports of shared packages to the relative path of their cached bundle. */
function externalAs(aliases: Record<string, string>) {
  return {
    name: "external-as",
    setup(b: import("esbuild").PluginBuild) {
      for (const [dep, path] of Object.entries(aliases)) {
        const filter = new RegExp(`^${dep.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}$`);
        b.onResolve({filter}, () => ({path: path.startsWith(".") ? path : `./${path}`, external: true}));
      }
    }
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const written = await prepareOfflineCache(join(process.cwd(), "src"));
  process.stderr.write(`offline npm cache: ${written.join(", ")}\n`);
}
