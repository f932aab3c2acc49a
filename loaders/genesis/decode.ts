/**
 * Streaming text decoding with encoding detection. GENESIS files come as UTF-8 with BOM (ffcsv),
 * UTF-8 without BOM, or Windows-1252 (old table downloads); nothing in the file says which.
 *
 * Rule: a BOM means UTF-8. Otherwise the bytes stay undecided while they are ASCII (identical in
 * both encodings); the first chunk with non-ASCII bytes decides: valid UTF-8 → UTF-8, else
 * Windows-1252 if the bytes are plausible text. Once decided, UTF-8 is decoded strictly (an invalid
 * byte later is an error, never U+FFFD), and Windows-1252 rejects control and unassigned bytes.
 */
import {InputError} from "../common/errors.ts";
import type {TextEncodingName} from "./types.ts";

const EXPECTED_TEXT = "Text in UTF-8 oder Windows-1252";

export class StreamingDecoder {
  private decided: TextEncodingName | undefined;
  private readonly utf8 = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true});
  private readonly cp1252 = new TextDecoder("windows-1252");
  /** Bytes held back: the start of the file (BOM check) or an incomplete trailing sequence. */
  private carry: Uint8Array | undefined;
  private started = false;
  private checkedStart = false;
  /** Newlines in the bytes decoded so far, to give errors a line number. */
  private newlines = 0;
  private byteCount = 0;

  constructor(private readonly file: string) {}

  /** The encoding; undecided files (pure ASCII so far) report "utf-8". */
  get encoding(): TextEncodingName {
    return this.decided ?? "utf-8";
  }

  /** Number of bytes seen, for "empty file" checks. */
  get bytesSeen(): number {
    return this.byteCount;
  }

  decode(chunk: Uint8Array): string {
    this.byteCount += chunk.length;
    return this.process(chunk, false);
  }

  end(): string {
    return this.process(new Uint8Array(0), true);
  }

  private process(chunk: Uint8Array, final: boolean): string {
    let bytes = chunk;
    if (this.carry) {
      bytes = concat(this.carry, chunk);
      this.carry = undefined;
    }
    if (!this.started) {
      // Need three bytes to recognise a BOM.
      if (bytes.length < 3 && !final) {
        this.carry = bytes;
        return "";
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        this.decided = "utf-8-bom";
        bytes = bytes.subarray(3);
      } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new InputError({file: this.file, line: 1}, EXPECTED_TEXT, "UTF-16-Byte-Order-Mark");
      }
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1) throw this.garbage(bytes, nul);
    if (!this.checkedStart && bytes.length > 0) {
      // A binary file shows itself in its first bytes; later chunks only get the cheap checks.
      this.checkedStart = true;
      const control = firstControlByte(bytes, false);
      if (control !== -1) throw this.garbage(bytes, control);
    }
    if (this.decided === undefined) {
      const text = this.decide(bytes, final);
      if (text !== undefined) return text;
    }
    return this.decideDone(bytes, final);
  }

  /** Returns the text if the chunk could not decide yet; undefined once decided. */
  private decide(bytes: Uint8Array, final: boolean): string | undefined {
    const firstHigh = firstNonAscii(bytes);
    if (firstHigh === -1) {
      this.countNewlines(bytes);
      return latin1(bytes);
    }
    const complete = final ? bytes.length : completeUtf8End(bytes);
    if (firstHigh >= complete) {
      // Only an incomplete multi-byte sequence at the end: wait for the next chunk.
      const head = bytes.subarray(0, firstHigh);
      this.carry = bytes.slice(firstHigh);
      this.countNewlines(head);
      return latin1(head);
    }
    if (isValidUtf8(bytes.subarray(firstHigh, complete))) {
      this.decided = "utf-8";
    } else {
      const umlaut = firstUtf8Umlaut(bytes);
      if (umlaut !== -1) throw this.mixed(bytes, firstInvalidUtf8(bytes, final));
      this.decided = "windows-1252";
    }
    return undefined;
  }

  private decideDone(bytes: Uint8Array, final: boolean): string {
    let text: string;
    if (this.decided === "windows-1252") {
      const bad = firstControlByte(bytes, true);
      if (bad !== -1) throw this.garbage(bytes, bad);
      const umlaut = firstUtf8Umlaut(bytes);
      if (umlaut !== -1) throw this.mixed(bytes, umlaut);
      // Always {stream: true}: Node 20 decodes a Buffer without it as Latin-1 (0x80 → U+0080, not €).
      text = this.cp1252.decode(bytes, {stream: true});
    } else {
      try {
        text = this.utf8.decode(bytes, {stream: !final});
      } catch {
        const offset = firstInvalidUtf8(bytes, final);
        throw new InputError({file: this.file, line: this.lineAt(bytes, offset)}, `gültiges UTF-8 (die Datei ist als ${this.decided === "utf-8-bom" ? "UTF-8 mit BOM" : "UTF-8"} erkannt)`, `Bytes ${hexBytes(bytes, offset)}`);
      }
    }
    this.countNewlines(bytes);
    return text;
  }

  private garbage(bytes: Uint8Array, offset: number): InputError {
    return new InputError({file: this.file, line: this.lineAt(bytes, offset)}, EXPECTED_TEXT, `Steuer- oder Binärbyte ${hexBytes(bytes, offset, 1)}`);
  }

  private mixed(bytes: Uint8Array, offset: number): InputError {
    return new InputError({file: this.file, line: this.lineAt(bytes, offset)}, `${EXPECTED_TEXT}, nicht beides gemischt`, `Bytes ${hexBytes(bytes, offset)}`);
  }

  private lineAt(bytes: Uint8Array, offset: number): number {
    let count = this.newlines + 1;
    for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) count++;
    return count;
  }

  private countNewlines(bytes: Uint8Array): void {
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) this.newlines++;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

/**
 * First byte that cannot occur in a text file: C0 controls other than tab, LF, CR, form feed;
 * for Windows-1252 also the five unassigned bytes.
 */
function firstControlByte(bytes: Uint8Array, cp1252: boolean): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20) {
      if (b !== 9 && b !== 10 && b !== 13 && b !== 12) return i;
    } else if (b === 0x7f || (cp1252 && (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d))) {
      return i;
    }
  }
  return -1;
}

/**
 * First UTF-8 encoded Latin-1 letter (0xC3 + continuation: ä ö ü ß Ä Ö Ü …). In Windows-1252 that
 * pair reads "Ã¤" and does not occur in German text, so it marks UTF-8 mixed into the file.
 */
function firstUtf8Umlaut(bytes: Uint8Array): number {
  for (let i = bytes.indexOf(0xc3); i !== -1 && i + 1 < bytes.length; i = bytes.indexOf(0xc3, i + 1)) {
    const next = bytes[i + 1]!;
    if (next >= 0x80 && next <= 0xbf) return i;
  }
  return -1;
}

/** Index after the last complete UTF-8 sequence (an incomplete one may continue in the next chunk). */
function completeUtf8End(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back]!;
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return back < need ? n - back : n;
    }
  }
  return n;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that breaks UTF-8 (only called on the error path). */
function firstInvalidUtf8(bytes: Uint8Array, final: boolean): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need === 0) return i;
    if (i + need > bytes.length) return final ? i : bytes.length;
    if (need > 1 && !isValidUtf8(bytes.subarray(i, i + need))) return i;
    i += need;
  }
  // The chunk itself is fine: the sequence carried over from the previous chunk was cut short.
  return 0;
}

function hexBytes(bytes: Uint8Array, offset: number, count = 4): string {
  return Array.from(bytes.subarray(offset, offset + count), (b) => `0x${b.toString(16).padStart(2, "0").toUpperCase()}`).join(" ");
}
