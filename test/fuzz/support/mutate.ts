/**
 * Mutations of CSV bytes for the fuzz tests: what real files go through on their way from a
 * web service or a spreadsheet program to the parser. Each mutation is plain data (so
 * fast-check can print and shrink it); positions are taken modulo the input's size.
 */
import fc from "fast-check";

export type Mutation =
  | {kind: "cut-line"; at: number}
  | {kind: "duplicate-line"; at: number}
  | {kind: "swap-lines"; a: number; b: number}
  | {kind: "truncate"; at: number}
  | {kind: "swap-bytes"; at: number}
  | {kind: "insert-byte"; at: number; byte: number}
  | {kind: "delete-bytes"; at: number; count: number}
  | {kind: "insert-text"; at: number; text: string}
  | {kind: "to-windows-1252"}
  | {kind: "to-utf-8"}
  | {kind: "line-to-other-encoding"; at: number}
  | {kind: "bom"; on: boolean}
  | {kind: "bom-mid-file"; at: number; lineStart: boolean}
  | {kind: "drop-column"; column: number; onlyLine: number | null}
  | {kind: "duplicate-column"; column: number; onlyLine: number | null}
  | {kind: "huge-field"; at: number; fill: string}
  | {kind: "line-ends"; style: "crlf" | "lf" | "cr"; every: number}
  // Issue #18: what spreadsheets and hand edits do to numbers, keys and periods.
  | {kind: "number-format"; at: number; style: "thousands-dot" | "swap-separator"}
  | {kind: "key-width"; at: number}
  | {kind: "period"; at: number; to: "2024-02-31" | "31.02.2024" | "banana" | "2024/25"}
  // The same variable in two columns: the code of variable column `from` copied into column `to` in every data row.
  | {kind: "variable-twice"; from: number; to: number}
  // A mark in a quality column (value_q, …__q) of one data row, agreeing with its value or not.
  | {kind: "quality-mark"; at: number; mark: "-" | "." | "..." | "/" | "x" | "e" | "p" | "()"};

/** Bytes that break parsers: delimiters, quotes, line ends, NUL, high bytes, UTF-8 lead and continuation bytes. */
const SPECIAL_BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x22, 0x3b, 0x2c, 0x2d, 0x2e, 0x5f, 0x7f, 0x80, 0x81, 0x9f, 0xa0, 0xc3, 0xbc, 0xe2, 0xef, 0xbb, 0xbf, 0xfe, 0xff];

/** Text pieces: quotes, delimiters, special values, numbers, formulas, HTML, JSON, markers of the table layout. */
const SNIPPETS = ['"', '""', ";", ";;", '";"', "\n", "\r\n", "\r", "-", ".", "...", "/", "x", "()", " p", "1,5", "-0,0", "1.000", "1e5", "=1+1", "__________", "GENESIS-Tabelle: ", "<html>", "{", "\uFEFF", "ä", "€", "\u2028", "\t"];

const position = fc.nat({max: 1 << 30});

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {weight: 3, arbitrary: fc.record({kind: fc.constant("cut-line" as const), at: position})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("duplicate-line" as const), at: position})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant("swap-lines" as const), a: position, b: position})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant("truncate" as const), at: position})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("swap-bytes" as const), at: position})},
  {weight: 3, arbitrary: fc.record({kind: fc.constant("insert-byte" as const), at: position, byte: fc.oneof(fc.constantFrom(...SPECIAL_BYTES), fc.integer({min: 0, max: 255}))})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant("delete-bytes" as const), at: position, count: fc.integer({min: 1, max: 40})})},
  {weight: 3, arbitrary: fc.record({kind: fc.constant("insert-text" as const), at: position, text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({maxLength: 6}))})},
  {weight: 1, arbitrary: fc.constant({kind: "to-windows-1252" as const})},
  {weight: 1, arbitrary: fc.constant({kind: "to-utf-8" as const})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant("line-to-other-encoding" as const), at: position})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant("bom" as const), on: fc.boolean()})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant("bom-mid-file" as const), at: position, lineStart: fc.boolean()})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("drop-column" as const), column: fc.nat({max: 40}), onlyLine: fc.option(position, {freq: 3})})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("duplicate-column" as const), column: fc.nat({max: 40}), onlyLine: fc.option(position, {freq: 3})})},
  {weight: 1, arbitrary: fc.record({kind: fc.constant("huge-field" as const), at: position, fill: fc.constantFrom("a", "9", ";", '"', "ä", " ")})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("line-ends" as const), style: fc.constantFrom("crlf" as const, "lf" as const, "cr" as const), every: fc.integer({min: 1, max: 7})})},
  {weight: 3, arbitrary: fc.record({kind: fc.constant("number-format" as const), at: position, style: fc.constantFrom("thousands-dot" as const, "swap-separator" as const)})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("key-width" as const), at: position})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("period" as const), at: position, to: fc.constantFrom("2024-02-31" as const, "31.02.2024" as const, "banana" as const, "2024/25" as const)})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("variable-twice" as const), from: fc.nat({max: 7}), to: fc.nat({max: 7})})},
  {weight: 2, arbitrary: fc.record({kind: fc.constant("quality-mark" as const), at: position, mark: fc.constantFrom("-" as const, "." as const, "..." as const, "/" as const, "x" as const, "e" as const, "p" as const, "()" as const)})}
);

/** Replaces the n-th match (n taken modulo the number of matches) of `pattern` in the text; unchanged without a match. */
function replaceNth(bytes: Uint8Array, pattern: RegExp, n: number, replace: (match: string) => string): Uint8Array {
  const text = new TextDecoder("latin1").decode(bytes);
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return bytes;
  const m = matches[n % matches.length]!;
  const out = text.slice(0, m.index) + replace(m[0]) + text.slice(m.index! + m[0].length);
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** Size of the field the huge-field mutation inserts. */
export const HUGE_FIELD_BYTES = 100 * 1024;

const utf8 = new TextEncoder();

/** Windows-1252: the byte of each character (characters it lacks become "?"). */
const CP1252: Map<string, number> = (() => {
  const map = new Map<string, number>();
  const decoder = new TextDecoder("windows-1252");
  for (let b = 0; b < 256; b++) map.set(decoder.decode(new Uint8Array([b]), {stream: true}), b);
  return map;
})();

export function encodeWindows1252(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) out.push(CP1252.get(char) ?? 0x3f);
  return Uint8Array.from(out);
}

/** Decodes as the parser would have decided: valid UTF-8 → UTF-8, else Windows-1252. */
export function decodeLikeParser(bytes: Uint8Array, encoding: "utf-8" | "utf-8-bom" | "windows-1252"): string {
  const copy = Uint8Array.from(bytes);
  if (encoding === "windows-1252") return new TextDecoder("windows-1252").decode(copy, {stream: true}) + new TextDecoder("windows-1252").decode();
  return new TextDecoder("utf-8", {ignoreBOM: false}).decode(copy);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(Buffer.concat(parts));
}

/** Lines with their line end (the last one may lack it). */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) {
    lines.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

/** A line's content and its line end ("\n", "\r\n" or ""). */
function lineParts(line: Uint8Array): {body: Uint8Array; end: Uint8Array} {
  let cut = line.length;
  if (cut > 0 && line[cut - 1] === 10) cut--;
  if (cut > 0 && line[cut - 1] === 13) cut--;
  return {body: line.subarray(0, cut), end: line.subarray(cut)};
}

/** The fields of a line split on every `;` (quotes ignored), and the line put back together. */
function fieldsOf(line: Uint8Array): {fields: Uint8Array[]; join: (fields: Uint8Array[]) => Uint8Array} {
  const {body, end} = lineParts(line);
  const fields: Uint8Array[] = [];
  let start = 0;
  for (let i = body.indexOf(0x3b); i !== -1; i = body.indexOf(0x3b, i + 1)) {
    fields.push(body.subarray(start, i));
    start = i + 1;
  }
  fields.push(body.subarray(start));
  const join = (out: Uint8Array[]) => concat([...out.flatMap((f, i) => (i > 0 ? [Uint8Array.of(0x3b), f] : [f])), end]);
  return {fields, join};
}

/** Removes or doubles the field at `column` of one line (split on every `;`, quotes ignored: a broken quote is a fine mutation too). */
function editColumn(line: Uint8Array, column: number, mode: "drop" | "duplicate"): Uint8Array {
  const {fields, join} = fieldsOf(line);
  if (column >= fields.length) return line;
  if (mode === "drop") fields.splice(column, 1);
  else fields.splice(column, 0, fields[column]!);
  return join(fields);
}

/** Copies the variable code of one flat-layout variable column into another in every data row. */
function variableTwice(input: Uint8Array, from: number, to: number): Uint8Array {
  const ls = splitLines(input);
  if (ls.length < 2) return input;
  const header = fieldsOf(ls[0]!).fields.map((f) => new TextDecoder("latin1").decode(f));
  const codes = header.flatMap((name, i) => (/^\d+_(variable_code|Merkmal_Code)$/.test(name) ? [i] : []));
  if (codes.length < 2) return input;
  const a = codes[from % codes.length]!;
  const b = codes[(from + 1 + (to % (codes.length - 1))) % codes.length]!;
  for (let i = 1; i < ls.length; i++) {
    const {fields, join} = fieldsOf(ls[i]!);
    if (fields.length <= Math.max(a, b)) continue;
    fields[b] = fields[a]!;
    ls[i] = join(fields);
  }
  return concat(ls);
}

/** Writes `mark` into every quality column of one data row (`at` modulo the data rows). */
function qualityMark(input: Uint8Array, at: number, mark: string): Uint8Array {
  const ls = splitLines(input);
  if (ls.length < 2) return input;
  const header = fieldsOf(ls[0]!).fields.map((f) => new TextDecoder("latin1").decode(f));
  const columns = header.flatMap((name, i) => (name === "value_q" || name.endsWith("__q") ? [i] : []));
  if (columns.length === 0) return input;
  const line = 1 + (at % (ls.length - 1));
  const {fields, join} = fieldsOf(ls[line]!);
  for (const column of columns) if (column < fields.length) fields[column] = utf8.encode(mark);
  ls[line] = join(fields);
  return concat(ls);
}

export function applyMutation(input: Uint8Array, m: Mutation): Uint8Array {
  const n = input.length;
  const lines = () => splitLines(input);
  switch (m.kind) {
    case "cut-line": {
      const ls = lines();
      if (ls.length === 0) return input;
      ls.splice(m.at % ls.length, 1);
      return concat(ls);
    }
    case "duplicate-line": {
      const ls = lines();
      if (ls.length === 0) return input;
      const at = m.at % ls.length;
      const line = ls[at]!;
      // A last line without line end gets one, so that the copy is a line of its own.
      const copy = line[line.length - 1] === 10 ? line : concat([line, Uint8Array.of(10)]);
      ls.splice(at, 1, copy, line);
      return concat(ls);
    }
    case "swap-lines": {
      const ls = lines();
      if (ls.length < 2) return input;
      const a = m.a % ls.length;
      const b = m.b % ls.length;
      const withEnd = (l: Uint8Array) => (l[l.length - 1] === 10 ? l : concat([l, Uint8Array.of(10)]));
      const [la, lb] = [withEnd(ls[a]!), withEnd(ls[b]!)];
      ls[a] = lb;
      ls[b] = la;
      return concat(ls);
    }
    case "truncate":
      return n === 0 ? input : input.slice(0, m.at % n);
    case "swap-bytes": {
      if (n < 2) return input;
      const at = m.at % (n - 1);
      const out = input.slice();
      [out[at], out[at + 1]] = [out[at + 1]!, out[at]!];
      return out;
    }
    case "insert-byte": {
      const at = m.at % (n + 1);
      return concat([input.subarray(0, at), Uint8Array.of(m.byte), input.subarray(at)]);
    }
    case "delete-bytes": {
      if (n === 0) return input;
      const at = m.at % n;
      return concat([input.subarray(0, at), input.subarray(Math.min(n, at + m.count))]);
    }
    case "insert-text": {
      const at = m.at % (n + 1);
      return concat([input.subarray(0, at), utf8.encode(m.text), input.subarray(at)]);
    }
    case "to-windows-1252":
      return isUtf8(input) ? encodeWindows1252(new TextDecoder("utf-8", {ignoreBOM: true}).decode(input).replace(/^\uFEFF/, "")) : input;
    case "to-utf-8":
      return isUtf8(input) ? input : utf8.encode(new TextDecoder("windows-1252").decode(Uint8Array.from(input), {stream: true}));
    case "line-to-other-encoding": {
      const ls = lines();
      if (ls.length === 0) return input;
      const at = m.at % ls.length;
      const line = ls[at]!;
      ls[at] = isUtf8(line) ? encodeWindows1252(new TextDecoder("utf-8", {ignoreBOM: true}).decode(line)) : utf8.encode(new TextDecoder("windows-1252").decode(Uint8Array.from(line), {stream: true}));
      return concat(ls);
    }
    case "bom": {
      const has = n >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
      if (m.on === has) return input;
      return m.on ? concat([Uint8Array.of(0xef, 0xbb, 0xbf), input]) : input.slice(3);
    }
    case "bom-mid-file": {
      let at = m.at % (n + 1);
      if (m.lineStart) {
        const ls = lines();
        if (ls.length === 0) return input;
        const line = m.at % ls.length;
        at = ls.slice(0, line).reduce((sum, l) => sum + l.length, 0);
      }
      return concat([input.subarray(0, at), Uint8Array.of(0xef, 0xbb, 0xbf), input.subarray(at)]);
    }
    case "drop-column":
    case "duplicate-column": {
      const ls = lines();
      if (ls.length === 0) return input;
      const mode = m.kind === "drop-column" ? "drop" : "duplicate";
      if (m.onlyLine !== null) {
        const at = m.onlyLine % ls.length;
        ls[at] = editColumn(ls[at]!, m.column, mode);
      } else {
        for (let i = 0; i < ls.length; i++) ls[i] = editColumn(ls[i]!, m.column, mode);
      }
      return concat(ls);
    }
    case "huge-field": {
      // Into a field: right after a `;` near the position (or at the position if there is none).
      let at = m.at % (n + 1);
      const semicolon = input.indexOf(0x3b, at);
      if (semicolon !== -1) at = semicolon + 1;
      const fill = utf8.encode(m.fill.repeat(Math.ceil(HUGE_FIELD_BYTES / utf8.encode(m.fill).length)));
      return concat([input.subarray(0, at), fill, input.subarray(at)]);
    }
    case "number-format":
      // "1024621" → "1.024621" (a thousands dot a spreadsheet put in), "191,67" ⇄ "191.67".
      return m.style === "thousands-dot"
        ? replaceNth(input, /(?<=;)\d{4,}(?=;|\r?\n)/g, m.at, (d) => `${d.slice(0, -3)}.${d.slice(-3)}`)
        : replaceNth(input, /(?<=;)-?\d+[,.]\d+(?=;|\r?\n)/g, m.at, (d) => (d.includes(",") ? d.replace(",", ".") : d.replace(".", ",")));
    case "key-width":
      // "05315" → "5315": the leading zero a spreadsheet drops.
      return replaceNth(input, /(?<=;)0\d{4}(?=;)/g, m.at, (k) => k.slice(1));
    case "period":
      return replaceNth(input, /\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}/g, m.at, () => m.to);
    case "variable-twice":
      return variableTwice(input, m.from, m.to);
    case "quality-mark":
      return qualityMark(input, m.at, m.mark);
    case "line-ends": {
      const ls = lines();
      const ends = {crlf: Uint8Array.of(13, 10), lf: Uint8Array.of(10), cr: Uint8Array.of(13)};
      return concat(
        ls.map((line, i) => {
          if (i % m.every !== 0) return line;
          const {body, end} = lineParts(line);
          return end.length === 0 ? line : concat([body, ends[m.style]]);
        })
      );
    }
  }
}

export function applyMutations(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = input;
  for (const m of mutations) bytes = applyMutation(bytes, m);
  return bytes;
}

/** Physical lines of the input (a last line without line end counts). */
export function countLines(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? count + 1 : count;
}

/** Cuts bytes into chunks of `size` (at least 1). */
export function chunk(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const step = Math.max(1, size);
  for (let i = 0; i < bytes.length; i += step) out.push(bytes.subarray(i, i + step));
  return out;
}
