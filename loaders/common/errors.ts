/**
 * The one error type for bad input. Every message names where the problem is
 * (file, line, field) and what was expected, so a user can fix the source.
 */
export interface InputLocation {
  file: string;
  /** 1-based physical line number in the file, when known. */
  line?: number;
  field?: string;
}

export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly expected: string;
  readonly found: string | undefined;

  constructor(location: InputLocation, expected: string, found?: string) {
    super(formatInputError(location, expected, found));
    this.name = "InputError";
    this.file = location.file;
    this.line = location.line;
    this.field = location.field;
    this.expected = expected;
    this.found = found;
  }
}

export function formatInputError(location: InputLocation, expected: string, found?: string): string {
  const where = [location.file, location.line !== undefined ? `Zeile ${location.line}` : undefined, location.field !== undefined ? `Feld "${location.field}"` : undefined]
    .filter(Boolean)
    .join(", ");
  const what = found === undefined ? `erwartet: ${expected}` : `erwartet: ${expected}, gefunden: ${JSON.stringify(truncate(found, 80))}`;
  return `${where}: ${what}`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Thrown for wrong command-line usage (exit code 2). */
export class UsageError extends Error {
  override name = "UsageError";
}
