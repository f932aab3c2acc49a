/**
 * Post-build fixes to dist/ that Framework 1.13 has no option for: every page declares
 * German as its language (screen readers, hyphenation, the browser's number input).
 */
import {readdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";

export async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith(".html")) yield path;
  }
}

export function setLanguage(html: string): string {
  if (!html.startsWith("<!DOCTYPE html>\n<html>")) throw new Error("unexpected page prologue: Framework's HTML template changed");
  return html.replace("<html>", '<html lang="de">');
}

export async function finalizeDist(dist: string): Promise<number> {
  let pages = 0;
  for await (const path of htmlFiles(dist)) {
    await writeFile(path, setLanguage(await readFile(path, "utf-8")));
    pages++;
  }
  return pages;
}
