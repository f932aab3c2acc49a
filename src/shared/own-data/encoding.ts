/**
 * Text encoding of an uploaded CSV. German Excel writes Windows-1252 ("CSV (Trennzeichen-
 * getrennt)") or UTF-8 with BOM ("CSV UTF-8"); other tools write UTF-8 without BOM. A file
 * edited with both holds UTF-8 sequences in some lines and lone Windows-1252 bytes in others:
 * no single decoding reads it right, so it is refused with the lines of each.
 */
import {problem, type OwnProblem} from "./problems.js";

export type Encoding = "UTF-8" | "UTF-8 mit BOM" | "Windows-1252";

export type Decoded = {ok: true; text: string; encoding: Encoding} | {ok: false; problem: OwnProblem};

/** Length of the valid UTF-8 multi-byte sequence starting at i, or 0 if there is none. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return 0;
  // Overlong and surrogate forms are not UTF-8 either.
  if (b === 0xe0 && bytes[i + 1]! < 0xa0) return 0;
  if (b === 0xed && bytes[i + 1]! > 0x9f) return 0;
  if (b === 0xf0 && bytes[i + 1]! < 0x90) return 0;
  if (b === 0xf4 && bytes[i + 1]! > 0x8f) return 0;
  return n;
}

export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let line = 1;
  let firstUtf8: number | undefined;
  let firstSingle: number | undefined;
  for (let i = bom ? 3 : 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const n = utf8SequenceLength(bytes, i);
    if (n > 0) {
      firstUtf8 ??= line;
      i += n - 1;
    } else firstSingle ??= line;
    if (firstUtf8 !== undefined && firstSingle !== undefined) break;
  }
  if (firstSingle !== undefined && (bom || firstUtf8 !== undefined)) {
    const utf8Where = firstUtf8 === undefined ? "Byte-Order-Mark (UTF-8)" : `UTF-8 ab Zeile ${firstUtf8}`;
    return {
      ok: false,
      problem: problem({file, line: firstSingle}, "eine einzige Kodierung für die ganze Datei (UTF-8 oder Windows-1252)", `${utf8Where}, Windows-1252 in Zeile ${firstSingle}`)
    };
  }
  const body = bom ? bytes.subarray(3) : bytes;
  if (firstSingle !== undefined) return {ok: true, text: new TextDecoder("windows-1252").decode(body), encoding: "Windows-1252"};
  return {ok: true, text: new TextDecoder("utf-8").decode(body), encoding: bom ? "UTF-8 mit BOM" : "UTF-8"};
}
