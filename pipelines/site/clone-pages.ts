/**
 * The 412 profile pages and 52 indicator pages come from two templates (profil/[region].md,
 * indikatoren/[indicator].md). A built page of a template differs from its siblings only in
 * the data file it names: `FileAttachment("../data/profiles/05315.json")` and the
 * `registerFile(…)` line with that file's hashed name, size and time. Framework spends about
 * 120 ms per page re-rendering the same template (HTML parsing, module hashing), so
 * `npm run build` lets it render the first two pages of each template and writes the others
 * from the first one here, copying each page's data file the way Framework does.
 *
 * Every build checks the method: the second page Framework rendered must equal the clone of
 * the first, byte for byte. If Framework's output ever differs (a new Framework version, a
 * template that prints its parameter), cloning stops and the build renders every page itself.
 */
import {createHash} from "node:crypto";
import {copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, posix} from "node:path";

/** Set by `npm run build` for `observable build`: render only the first pages of each template. */
export const SAMPLE_ENV = "KBM_RENDER_SAMPLE";

/** Pages Framework renders per template when cloning: the model and the check. */
const RENDERED_PER_TEMPLATE = 2;

/** Dynamic paths grouped by template: "/profil/05315" belongs to "/profil/". */
function templateOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** The dynamic paths Framework renders: all of them, or the first two of each template. */
export function pathsToRender(paths: readonly string[], sample: boolean): string[] {
  if (!sample) return [...paths];
  const seen = new Map<string, number>();
  return paths.filter((p) => {
    const n = seen.get(templateOf(p)) ?? 0;
    seen.set(templateOf(p), n + 1);
    return n < RENDERED_PER_TEMPLATE;
  });
}

/** The last path segment: the template's parameter value ("/profil/05315" → "05315"). */
const paramOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

interface FileLine {
  /** The whole `registerFile(…);` statement. */
  line: string;
  /** Its name as the page writes it, e.g. "../data/profiles/05315.json". */
  name: string;
}

/** The registerFile statements of a page whose file is named after the page's parameter. */
function paramFiles(html: string, param: string): FileLine[] {
  const lines: FileLine[] = [];
  for (const m of html.matchAll(/^registerFile\(("[^"\n]*"), (\{[^\n]*\})\);$/gm)) {
    const name = JSON.parse(m[1]!) as string;
    if (posix.basename(name, posix.extname(name)) === param) lines.push({line: m[0], name});
  }
  return lines;
}

export interface CloneContext {
  /** Framework's source root (src) and its loader cache. */
  srcRoot: string;
  /** The built site (dist). */
  dist: string;
}

/** Framework's file entry for one data file: hashed output name, size, time (render.js, module.js). */
function fileEntry({srcRoot}: CloneContext, pagePath: string, name: string): {register: string; source: string; output: string} {
  const file = posix.join(posix.dirname(pagePath), name).replace(/^\//, "");
  const exact = join(srcRoot, file);
  const source = existsSync(exact) ? exact : join(srcRoot, ".observablehq", "cache", file);
  const contents = readFileSync(source);
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 8);
  const ext = posix.extname(file);
  const output = `_file/${file.slice(0, -ext.length)}.${hash}${ext}`;
  const stat = statSync(source);
  const entry = {
    name,
    mimeType: ext === ".json" ? "application/json" : ext === ".csv" ? "text/csv" : undefined,
    path: posix.relative(posix.dirname(pagePath), `/${output}`),
    lastModified: Math.floor(stat.mtimeMs),
    size: stat.size
  };
  if (entry.mimeType === undefined) throw new Error(`Seitenkopie: unbekannter Dateityp ${name}`);
  return {register: `registerFile(${JSON.stringify(name)}, ${JSON.stringify(entry)});`, source, output};
}

/**
 * The page for `target` written from the built page of `model` (both of one template), and the
 * data files it needs copied into dist/ (source → output path in dist).
 */
export function clonePage(context: CloneContext, modelHtml: string, modelPath: string, target: string): {html: string; files: {source: string; output: string}[]} {
  const lines = paramFiles(modelHtml, paramOf(modelPath));
  if (!lines.length) throw new Error(`Seitenkopie: ${modelPath} nennt keine Datei nach seinem Parameter`);
  let html = modelHtml;
  const files: {source: string; output: string}[] = [];
  for (const {line, name} of lines) {
    const targetName = posix.join(posix.dirname(name), `${paramOf(target)}${posix.extname(name)}`);
    const entry = fileEntry(context, target, targetName);
    html = html.replace(line, entry.register).replaceAll(JSON.stringify(name), JSON.stringify(targetName));
    files.push({source: entry.source, output: entry.output});
  }
  return {html, files};
}

/** dist/ file of a clean URL ("/profil/05315" → dist/profil/05315.html). */
const pageFile = (dist: string, path: string) => join(dist, `${path.slice(1)}.html`);

/**
 * Writes every dynamic page Framework did not render. Returns false (and writes nothing) when
 * a check page differs from its clone: then the caller renders everything with Framework.
 */
export function cloneDynamicPages(context: CloneContext, allPaths: readonly string[], log: (m: string) => void = () => {}): boolean {
  const rendered = new Set(pathsToRender(allPaths, true));
  const templates = [...new Set(allPaths.map(templateOf))];
  const plan: {path: string; html: string; files: {source: string; output: string}[]}[] = [];
  for (const template of templates) {
    const paths = allPaths.filter((p) => templateOf(p) === template);
    const [model, check] = paths;
    if (!model) continue;
    const modelHtml = readFileSync(pageFile(context.dist, model), "utf-8");
    if (check) {
      const actual = readFileSync(pageFile(context.dist, check), "utf-8");
      if (clonePage(context, modelHtml, model, check).html !== actual) {
        log(`Seitenkopie: ${check} weicht von der Kopie von ${model} ab – Framework rendert alle Seiten`);
        return false;
      }
    }
    for (const path of paths) if (!rendered.has(path)) plan.push({path, ...clonePage(context, modelHtml, model, path)});
  }
  for (const {path, html, files} of plan) {
    const out = pageFile(context.dist, path);
    mkdirSync(dirname(out), {recursive: true});
    writeFileSync(out, html);
    for (const {source, output} of files) {
      const target = join(context.dist, output);
      if (existsSync(target)) continue;
      mkdirSync(dirname(target), {recursive: true});
      copyFileSync(source, target);
    }
  }
  log(`Seitenkopie: ${plan.length} Seiten aus ${templates.length} Vorlagen geschrieben`);
  return true;
}
