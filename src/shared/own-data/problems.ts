/**
 * One problem in a city's own files, worded as the CLI's InputError (loaders/common/errors.ts):
 * `file, Zeile 3, Feld "wert": erwartet: …, gefunden: "…"`. The page and `kbm own check` print
 * the same text. A "hinweis" is reported but does not stop the data from being used.
 */
export type Severity = "fehler" | "hinweis";

export interface OwnProblem {
  severity: Severity;
  file: string;
  /** 1-based physical line of a CSV file. */
  line?: number;
  /** 1-based position of a feature in a GeoJSON file (such files are often one line). */
  feature?: number;
  field?: string;
  expected: string;
  found?: string;
  message: string;
}

export interface ProblemLocation {
  file: string;
  line?: number;
  feature?: number;
  field?: string;
}

export function problem(location: ProblemLocation, expected: string, found?: string, severity: Severity = "fehler"): OwnProblem {
  return {severity, ...location, expected, found, message: formatProblem(location, expected, found)};
}

export function formatProblem(location: ProblemLocation, expected: string, found?: string): string {
  const where = [
    location.file,
    location.line !== undefined ? `Zeile ${location.line}` : undefined,
    location.feature !== undefined ? `Gebiet Nr. ${location.feature}` : undefined,
    location.field !== undefined ? `Feld "${location.field}"` : undefined
  ]
    .filter(Boolean)
    .join(", ");
  return found === undefined ? `${where}: erwartet: ${expected}` : `${where}: erwartet: ${expected}, gefunden: ${JSON.stringify(truncate(found, 80))}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export const isError = (p: OwnProblem) => p.severity === "fehler";
