/**
 * Value cells, quality marks and periods of GENESIS files. These run once per cell, so they
 * parse by hand (no regex, no allocation on the success path).
 */
import {InputError} from "../common/errors.ts";
import type {GenesisFlag} from "./types.ts";

/** Outcome of reading one value cell. */
export const enum CellStatus {
  Ok,
  Empty,
  NotANumber,
  UnknownSymbol,
  /** A decimal separator other than the one the file used first ("47.123" in a file of "191,67"). */
  OtherSeparator,
  /** A count (unit Anzahl) written with a separator: "47.123" would be 47 thousand, never 47.123 persons. */
  CountWithSeparator
}

/** The decimal separator parseDecimal met in its last call: 44 (,), 46 (.) or 0 (none). */
let lastSeparator = 0;

export const VALUE_SYMBOLS = "- . ... / x";
export const QUALITY_MARKS = "e p r s ()";

/**
 * Reads value cells into its own fields (`value`, `flag`) instead of returning an object, so the
 * hot loop allocates nothing per cell.
 */
export class CellReader {
  value: number | null = null;
  flag: GenesisFlag | null = null;
  /** The decimal separator of the file (the first one met); one file uses one number format. */
  separator = 0;
  /** Whether the value just read was written with a decimal separator. */
  get fractional(): boolean {
    return lastSeparator !== 0;
  }

  private sameSeparator(): boolean {
    if (this.separator === 0) this.separator = lastSeparator;
    return this.separator === lastSeparator;
  }

  read(raw: string): CellStatus {
    lastSeparator = 0;
    const length = raw.length;
    if (length === 0) return CellStatus.Empty;
    const first = raw.charCodeAt(0);
    if (isDigit(first) || (first === 45 && length > 1)) {
      const number = parseDecimal(raw, 0, length);
      if (number === number) {
        if (lastSeparator !== 0 && !this.sameSeparator()) return CellStatus.OtherSeparator;
        this.value = number;
        this.flag = null;
        return CellStatus.Ok;
      }
    }
    switch (raw) {
      case "-":
        // "nichts vorhanden": exactly zero.
        return this.set(0, "-");
      case ".":
        return this.set(null, ".");
      case "...":
        return this.set(null, "...");
      case "/":
        return this.set(null, "/");
      case "x":
        return this.set(null, "x");
    }
    // "(123)": a value of limited reliability.
    if (first === 40 && length > 2 && raw.charCodeAt(length - 1) === 41) {
      const number = parseDecimal(raw, 1, length - 1);
      if (number === number) return lastSeparator !== 0 && !this.sameSeparator() ? CellStatus.OtherSeparator : this.set(number, "()");
    }
    // "123 p" / "123p": a value with a quality mark.
    const mark = qualityMarkAt(raw, length - 1);
    if (mark !== null && length > 1) {
      const end = raw.charCodeAt(length - 2) === 32 ? length - 2 : length - 1;
      const number = parseDecimal(raw, 0, end);
      if (number === number) return lastSeparator !== 0 && !this.sameSeparator() ? CellStatus.OtherSeparator : this.set(number, mark);
    }
    return /[\p{L}\p{N}]/u.test(raw) ? CellStatus.NotANumber : CellStatus.UnknownSymbol;
  }

  /**
   * Applies a quality mark column (`value_q`, `…__q`): a value-replacing symbol in the value cell
   * wins. A symbol in the mark column that contradicts the value is refused: "-" (nothing) beside
   * anything but zero, ". ... / x" (no number) beside a number or beside another symbol.
   */
  applyQuality(raw: string): QualityStatus {
    if (raw.length === 0) return QualityStatus.Ok;
    const mark = qualityFlag(raw);
    if (mark === null) return QualityStatus.Unknown;
    if (mark === "-" && this.value !== 0) return QualityStatus.Contradicts;
    if ((mark === "." || mark === "..." || mark === "/" || mark === "x") && (this.value !== null || this.flag !== mark)) return QualityStatus.Contradicts;
    if (this.flag === null || this.flag === "()" || isQualityMark(this.flag)) this.flag = mark;
    return QualityStatus.Ok;
  }

  private set(value: number | null, flag: GenesisFlag): CellStatus.Ok {
    this.value = value;
    this.flag = flag;
    return CellStatus.Ok;
  }
}

/** Throws the InputError for a cell that CellReader rejected. */
export function cellError(status: CellStatus, raw: string, file: string, line: number, field: string): InputError {
  switch (status) {
    case CellStatus.Empty:
      return new InputError({file, line, field}, `Zahl oder Sonderzeichen (${VALUE_SYMBOLS})`, raw);
    case CellStatus.UnknownSymbol:
      return new InputError({file, line, field}, `bekanntes Sonderzeichen (${VALUE_SYMBOLS}) oder Zahl`, raw);
    case CellStatus.OtherSeparator:
      return new InputError({file, line, field}, "eine Zahl im Format der übrigen Datei (ein Dezimaltrennzeichen je Datei, keine Tausenderpunkte)", raw);
    case CellStatus.CountWithSeparator:
      return new InputError({file, line, field}, "eine ganze Zahl (Einheit Anzahl; ein Punkt wäre ein Tausenderpunkt)", raw);
    default:
      return new InputError({file, line, field}, `Zahl (Dezimalkomma) oder Sonderzeichen (${VALUE_SYMBOLS})`, raw);
  }
}

/** A count is a whole number: a value of unit Anzahl written with a separator is refused, never read as a fraction. */
export function countStatus(cell: CellReader, unit: string): CellStatus {
  return cell.fractional && unit === "Anzahl" ? CellStatus.CountWithSeparator : CellStatus.Ok;
}

export const enum QualityStatus {
  Ok,
  Unknown,
  /** A symbol in the mark column that says something else than the value cell. */
  Contradicts
}

/** The InputError for a quality mark that applyQuality did not accept; `value` is the raw value cell. */
export function qualityError(status: QualityStatus, raw: string, value: string, file: string, line: number, field: string): InputError {
  if (status === QualityStatus.Contradicts) {
    return new InputError({file, line, field}, 'ein Kennzeichen, das zum Wert passt ("-" nur bei 0; ". ... / x" nur ohne Zahl)', `${raw} neben ${value}`);
  }
  return new InputError({file, line, field}, `Qualitätskennzeichen (leer, ${QUALITY_MARKS}, ${VALUE_SYMBOLS})`, raw);
}

/**
 * Parses "-12", "191,67" or "191.67" (German files use the comma, English ones the point; GENESIS
 * writes no thousands separators). Returns NaN for anything else.
 */
export function parseDecimal(text: string, start: number, end: number): number {
  lastSeparator = 0;
  let i = start;
  const negative = i < end && text.charCodeAt(i) === 45;
  if (negative) i++;
  let integer = 0;
  let digits = 0;
  while (i < end) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    integer = integer * 10 + digit;
    digits++;
    i++;
  }
  if (digits === 0) return NaN;
  let value = integer;
  if (i < end) {
    const separator = text.charCodeAt(i++);
    if (separator !== 44 && separator !== 46) return NaN;
    lastSeparator = separator;
    let fraction = 0;
    let scale = 1;
    const fractionStart = i;
    while (i < end) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return NaN;
      fraction = fraction * 10 + digit;
      scale *= 10;
      i++;
    }
    const fractionDigits = i - fractionStart;
    if (fractionDigits === 0) return NaN;
    // Up to 15 significant digits both integers are exact, so one division rounds correctly.
    value = digits + fractionDigits <= 15 ? (integer * scale + fraction) / scale : slowParse(text, start, end);
  } else if (digits > 15) {
    value = slowParse(text, start, end);
  }
  return negative && value !== 0 ? -Math.abs(value) : value;
}

function slowParse(text: string, start: number, end: number): number {
  const value = Math.abs(Number(text.slice(start, end).replace(",", ".")));
  // Beyond the range of a double ("9" × 400) the text is no number the file can mean: NaN, not Infinity.
  return Number.isFinite(value) ? value : NaN;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function qualityMarkAt(text: string, index: number): GenesisFlag | null {
  switch (text.charCodeAt(index)) {
    case 112:
      return "p";
    case 114:
      return "r";
    case 115:
      return "s";
    case 101:
      return "e";
    default:
      return null;
  }
}

function isQualityMark(flag: GenesisFlag): boolean {
  return flag === "p" || flag === "r" || flag === "s" || flag === "e";
}

/** The flag a quality column carries, or null when unknown. */
export function qualityFlag(raw: string): GenesisFlag | null {
  switch (raw) {
    case "e":
    case "p":
    case "r":
    case "s":
    case "()":
    case "-":
    case ".":
    case "...":
    case "/":
    case "x":
      return raw;
    default:
      return null;
  }
}

/** "31.12.2022" → "2022-12-31"; anything else is returned as labelled (trimmed). */
export function isoPeriod(raw: string): string {
  if (raw.length === 10 && raw.charCodeAt(2) === 46 && raw.charCodeAt(5) === 46) {
    return `${raw.slice(6)}-${raw.slice(3, 5)}-${raw.slice(0, 2)}`;
  }
  return raw.trim();
}

/** A year, school year, or date as the table layout writes it in its first column. */
export function looksLikePeriod(raw: string): boolean {
  return /^(?:\d{4}(?:\/\d{2}(?:\d{2})?)?|\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2})$/.test(raw);
}
