/**
 * Post-build fixes to dist/ that Framework 1.13 has no option for:
 * - every page declares German as its language (screen readers, hyphenation);
 * - the sidebar toggle gets a German accessible name, and its close label moves out of the
 *   <ol> where only <li> may stand (axe-core "list" rule);
 * - every page carries a Content-Security-Policy that allows exactly its own inline
 *   scripts (by sha256 hash) and nothing from other hosts: no 'unsafe-inline' and no
 *   'unsafe-eval' for scripts. Styles stay inline-able: Plot writes <style> into its SVGs.
 */
import {createHash} from "node:crypto";
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

export async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

const PROLOGUE = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n";

export function setLanguage(html: string): string {
  if (!html.startsWith(PROLOGUE.slice(0, 22))) throw new Error("unexpected page prologue: Framework's HTML template changed");
  return html.replace("<html>", '<html lang="de">');
}

/** The sha256 source expressions of every inline <script> (those without src). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc=/.test(match[1] ?? "")) continue;
    hashes.push(`'sha256-${createHash("sha256").update(match[2]!, "utf-8").digest("base64")}'`);
  }
  return [...new Set(hashes)];
}

export function contentSecurityPolicy(html: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'"
  ].join("; ");
}

/** Inserts the policy right after the charset, before anything it has to govern. */
export function addContentSecurityPolicy(html: string): string {
  const charset = '<meta charset="utf-8">\n';
  const at = html.indexOf(charset);
  if (at < 0) throw new Error("page has no charset declaration to anchor the CSP to");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html)}">\n`;
  return html.slice(0, at + charset.length) + meta + html.slice(at + charset.length);
}

const SIDEBAR_TOGGLE = '<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">';
const SIDEBAR_CLOSE = '<ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>';

export function fixSidebar(html: string): string {
  if (!html.includes('id="observablehq-sidebar"')) return html;
  if (!html.includes(SIDEBAR_TOGGLE) || !html.includes(SIDEBAR_CLOSE)) throw new Error("unexpected sidebar markup: Framework's HTML template changed");
  return html
    .replace(SIDEBAR_TOGGLE, '<input id="observablehq-sidebar-toggle" type="checkbox" title="Navigation ein- oder ausblenden" aria-label="Navigation ein- oder ausblenden">')
    .replace(SIDEBAR_CLOSE, '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n  <ol>');
}

export function finalizePage(html: string): string {
  return addContentSecurityPolicy(fixSidebar(setLanguage(html)));
}

export async function finalizeDist(dist: string): Promise<number> {
  let pages = 0;
  for await (const path of htmlFiles(dist)) {
    await writeFile(path, finalizePage(await readFile(path, "utf-8")));
    pages++;
  }
  return pages;
}
