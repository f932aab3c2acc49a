/**
 * Runs every data loader of the site before Framework starts, and puts each output where
 * Framework looks for it (src/.observablehq/cache/<path>): `observable build` and the preview
 * then find them fresh and run none themselves.
 *
 * Why not let Framework run them: it runs each loader when a page first asks for it, one
 * after another, through tsx (about a second of TypeScript transpiling per loader). Here the
 * loaders are compiled once with esbuild (like the CLI, pipelines/cli/bundle.ts) and run as
 * plain JavaScript, as many at a time as there are cores.
 */
import {build} from "esbuild";
import {spawn} from "node:child_process";
import {ZipProblem, unzipVerified} from "../../loaders/common/zip-integrity.ts";
import {createWriteStream, readdirSync, readFileSync, statSync} from "node:fs";
import {mkdir, readFile, rename, rm, writeFile} from "node:fs/promises";
import {availableParallelism} from "node:os";
import {basename, dirname, join, relative, resolve, sep} from "node:path";
import {BANNER, ownDirname} from "../cli/bundle.ts";

export interface LoaderRun {
  /** Output path as pages name it, e.g. "data/profiles.zip". */
  target: string;
  seconds: number;
  bytes: number;
}

/** Every loader under src/: a file named <name>.<ext>.ts outside components/ and shared/. */
export function listLoaders(srcRoot: string): string[] {
  return readdirSync(srcRoot, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && /^[^.]+\.[a-z0-9]+\.ts$/.test(e.name))
    .map((e) => relative(srcRoot, join(e.parentPath, e.name)))
    .filter((p) => !/^(components|shared|\.observablehq)\//.test(p))
    .sort();
}

/** The page sources of the site: every .md under src/ outside components/, shared/ and Framework's cache. */
function listPages(srcRoot: string): string[] {
  return readdirSync(srcRoot, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => relative(srcRoot, join(e.parentPath, e.name)))
    .filter((p) => !/^(components|shared|\.observablehq)\//.test(p));
}

/**
 * The loaders some page of the site names ("data/programm.json", `data/profiles/${id}.json`),
 * so a site trimmed to a few pages (the browser tests' copies) runs only what it shows.
 * Matching by the output's stem also catches archive members and template paths. A loader
 * missed here still works: Framework then runs it itself, only slower.
 */
export function loadersNamedByPages(srcRoot: string, loaders = listLoaders(srcRoot)): string[] {
  const named = new Set<string>();
  for (const page of listPages(srcRoot)) {
    for (const match of readFileSync(join(srcRoot, page), "utf-8").matchAll(/\bdata\/([A-Za-z0-9_-]+)/g)) named.add(match[1]!);
  }
  // src/data/profiles.zip.ts → "profiles"; the stem is the file name up to its first dot.
  return loaders.filter((l) => l.startsWith("data/") && named.has(l.slice("data/".length).split(".")[0]!));
}

function runOne(script: string, out: string, cwd: string): Promise<{stderr: string}> {
  return new Promise((done, fail) => {
    const file = createWriteStream(out);
    const child = spawn(process.execPath, [script], {cwd, stdio: ["ignore", "pipe", "pipe"]});
    let stderr = "";
    child.stdout.pipe(file);
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      file.close(() => (code === 0 ? done({stderr}) : fail(new Error(`Datenlader ${relative(cwd, script)} endete mit Exit-Code ${code}:\n${stderr.trim()}`))));
    });
  });
}

/**
 * Writes every member of a loader's zip next to it in the cache (data/profiles.zip →
 * data/profiles/05315.json), where Framework looks first. Without this, Framework re-reads
 * and re-opens the whole archive for each member a page names: 412 times for the profiles.
 * The members are newer than the loader script, so Framework takes them as fresh.
 */
export async function inflateArchive(cachedZip: string): Promise<number> {
  const dir = cachedZip.replace(/\.zip$/, "");
  let members: [string, Uint8Array][];
  try {
    // A loader's zip is checked like any other: a damaged member must not become a page's data.
    members = Object.entries(unzipVerified(await readFile(cachedZip)));
  } catch (error) {
    if (error instanceof ZipProblem) throw new Error(`${relative(process.cwd(), cachedZip) || cachedZip}: ${error.message}`);
    throw error;
  }
  await rm(dir, {recursive: true, force: true});
  for (const [name, bytes] of members) {
    const path = resolve(dir, name);
    if (!path.startsWith(resolve(dir) + sep)) throw new Error(`${relative(process.cwd(), cachedZip) || cachedZip}: ${name}: Eintrag zeigt aus dem Ordner ${basename(dir)} hinaus`);
    await mkdir(dirname(path), {recursive: true});
    await writeFile(path, bytes);
  }
  return members.length;
}

/**
 * Compiles and runs the loaders; each output replaces the cached one only when complete.
 * `only` limits the run to some targets (tests).
 */
export async function runLoaders({root, log = () => {}, concurrency = availableParallelism(), only}: {root: string; log?: (m: string) => void; concurrency?: number; only?: string[]}): Promise<LoaderRun[]> {
  const srcRoot = join(root, "src");
  const loaders = listLoaders(srcRoot).filter((l) => !only || only.includes(l.replace(/\.ts$/, "")));
  const outdir = join(root, "build", "loaders");
  await rm(outdir, {recursive: true, force: true});
  // Flat entry names: every compiled file sits in one folder, so the rewritten import.meta.dirname holds for all.
  const entryName = (loader: string) => loader.replace(/\.ts$/, "").replaceAll("/", "__");
  await build({
    entryPoints: Object.fromEntries(loaders.map((l) => [entryName(l), join(srcRoot, l)])),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    banner: {js: BANNER},
    plugins: [ownDirname(outdir)],
    logLevel: "error"
  });
  const cacheDir = join(srcRoot, ".observablehq", "cache");
  const queue = [...loaders];
  const runs: LoaderRun[] = [];
  const worker = async () => {
    for (let loader = queue.shift(); loader !== undefined; loader = queue.shift()) {
      const target = loader.replace(/\.ts$/, "");
      const cached = join(cacheDir, target);
      const temp = `${cached}.${process.pid}.tmp`;
      await mkdir(dirname(cached), {recursive: true});
      const started = performance.now();
      try {
        await runOne(join(outdir, `${entryName(loader)}.js`), temp, root);
      } catch (error) {
        await rm(temp, {force: true});
        throw error;
      }
      await rename(temp, cached);
      if (target.endsWith(".zip")) await inflateArchive(cached);
      const {size} = statSync(cached);
      const seconds = (performance.now() - started) / 1000;
      runs.push({target, seconds, bytes: size});
      log(`Datenlader ${target}: ${(size / 1024).toFixed(0)} KB in ${seconds.toFixed(1)} s`);
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(concurrency, loaders.length))}, worker));
  return runs.sort((a, b) => (a.target < b.target ? -1 : 1));
}
