/**
 * Whether a path can be read as a file, as the usual InputError (file, expected, found) instead
 * of a raw system error: a symlink loop, a folder, a missing file, no permission.
 */
import {closeSync, openSync, statSync} from "node:fs";
import {InputError} from "./errors.ts";

const REASONS: Record<string, string> = {
  ELOOP: "Symlink-Schleife (der Verweis zeigt auf sich selbst zurück)",
  ENOENT: "Datei nicht gefunden",
  EACCES: "keine Leserechte",
  EPERM: "keine Leserechte",
  EISDIR: "Verzeichnis",
  ENAMETOOLONG: "zu langer Pfad"
};

/** The InputError for a system error met while opening or reading `file`. */
export function fileProblem(error: unknown, file: string): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  return new InputError({file}, "lesbare Datei", REASONS[code] ?? `nicht lesbar (${code || (error as Error).message})`);
}

export function assertReadableFile(path: string, file = path): void {
  try {
    if (statSync(path).isDirectory()) throw Object.assign(new Error("is a directory"), {code: "EISDIR"});
    closeSync(openSync(path, "r"));
  } catch (error) {
    throw fileProblem(error, file);
  }
}
