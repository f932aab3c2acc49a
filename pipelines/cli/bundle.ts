/**
 * Compiles the kbm CLI to JavaScript once, so that a call does not transpile TypeScript
 * (tsx costs seconds per start). esbuild bundles pipelines/cli/main.ts into build/cli/ with code
 * splitting: each command of the lazy table becomes its own chunk, loaded when it runs. Packages
 * stay external (DuckDB is native; the others load from node_modules only in the commands that
 * use them). bin/kbm.js runs the bundle, or falls back to tsx when it is missing or older than
 * one of its inputs (build/cli/inputs.json lists them).
 *
 * Run by `npm ci` (prepare), `npm test` and `npm run build`.
 */
import {build, type Plugin} from "esbuild";
import {mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, join, relative, resolve} from "node:path";

const root = resolve(import.meta.dirname, "../..");
export const CLI_BUNDLE_DIR = join(root, "build", "cli");

/**
 * Modules find their data files (SQL, the snapshot, package.json) through import.meta.dirname
 * or import.meta.url. In the bundle that is build/cli/, so each module's own location is put
 * back, relative to the bundle.
 */
export function ownDirname(outdir: string): Plugin {
  return {
    name: "own-dirname",
    setup(b) {
      b.onLoad({filter: /\.ts$/}, (args) => {
        if (args.path.includes("node_modules")) return undefined;
        const dir = JSON.stringify(relative(outdir, dirname(args.path)));
        const contents = readFileSync(args.path, "utf-8").replace(/import\.meta\.(dirname|url)\b/g, (_m, what: string) =>
          what === "dirname" ? `__kbmJoin(import.meta.dirname, ${dir})` : `__kbmUrl(__kbmJoin(import.meta.dirname, ${dir}, ${JSON.stringify(basename(args.path))})).href`
        );
        return {contents, loader: "ts"};
      });
    }
  };
}

/** The helpers the rewritten import.meta expressions call. */
export const BANNER = 'import {join as __kbmJoin} from "node:path"; import {pathToFileURL as __kbmUrl} from "node:url";';

export async function bundleCli(outdir = CLI_BUNDLE_DIR): Promise<{files: number; inputs: number}> {
  rmSync(outdir, {recursive: true, force: true});
  mkdirSync(outdir, {recursive: true});
  const result = await build({
    entryPoints: {main: join(root, "pipelines/cli/main.ts")},
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    banner: {js: BANNER},
    plugins: [ownDirname(outdir)],
    metafile: true,
    logLevel: "error"
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => relative(root, resolve(root, p)));
  writeFileSync(join(outdir, "inputs.json"), JSON.stringify([...inputs, "package.json"].sort(), null, 1) + "\n");
  return {files: Object.keys(result.metafile.outputs).length, inputs: inputs.length};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = performance.now();
  const {files, inputs} = await bundleCli();
  process.stderr.write(`kbm: Kommandozeile gebündelt (${inputs} Quellen → ${files} Dateien in build/cli/, ${Math.round(performance.now() - started)} ms)\n`);
}
