/**
 * Streaming extraction of the one CSV member of a GENESIS zip (`data/tablefile` answers with
 * `application/zip` holding one `…_flat.csv`). fflate inflates chunk by chunk, so the CSV is never
 * held in memory as a whole. fflate does not check the member's CRC-32: this module does, against
 * the central directory, so a damaged archive is an error and never data that differs silently.
 */
import {Unzip, UnzipInflate, type UnzipFile} from "fflate";
import {InputError} from "../common/errors.ts";

const EXPECTED_ZIP = "vollständiges ZIP-Archiv mit genau einer CSV-Datei";

/**
 * Limits against zip bombs. The largest GENESIS table the project pulls inflates to a few hundred
 * MB at 10–20 : 1; a bomb inflates thousands of times its size.
 */
export const MAX_INFLATED_BYTES = 1024 ** 3;
export const MAX_RATIO = 200;
/** The ratio is judged only once this much came out (small files compress unevenly). */
const RATIO_AFTER_BYTES = 16 * 1024 ** 2;

/** What is wrong with inflating `inflated` bytes out of `compressed`, or undefined. */
export function inflationProblem(inflated: number, compressed: number, limits = {maxBytes: MAX_INFLATED_BYTES, maxRatio: MAX_RATIO}): string | undefined {
  if (inflated > limits.maxBytes) return `entpackt größer als ${Math.round(limits.maxBytes / 1024 ** 2)} MB (ZIP-Bombe?)`;
  if (inflated >= Math.min(RATIO_AFTER_BYTES, limits.maxBytes) && inflated > compressed * limits.maxRatio) return `entpackt mehr als das ${limits.maxRatio}fache der gepackten Größe (ZIP-Bombe?)`;
  return undefined;
}
/** End-of-central-directory record; its absence means the archive was cut off. */
const EOCD = [0x50, 0x4b, 0x05, 0x06];
const TAIL_BYTES = 65_557;

/** True when the bytes start like a zip archive. */
export function isZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06);
}

/**
 * Yields the bytes of the CSV member. `onMember` gets its name before the first bytes.
 * Throws InputError for a truncated or corrupt archive, or one without exactly one CSV member.
 */
export async function* unzipCsv(source: AsyncIterable<Uint8Array>, file: string, onMember: (name: string) => void): AsyncGenerator<Uint8Array> {
  let member: string | undefined;
  let memberDone = false;
  let failure: InputError | undefined;
  let output: Uint8Array[] = [];
  let tail: Uint8Array = new Uint8Array(0);
  let crc = CRC_START;
  let size = 0;
  let compressed = 0;

  const unzip = new Unzip((entry: UnzipFile) => {
    if (!/\.csv$/i.test(entry.name)) {
      // Other members (none expected) are read past, not kept.
      entry.ondata = () => {};
      entry.start();
      return;
    }
    if (member !== undefined) {
      failure ??= new InputError({file, field: entry.name}, EXPECTED_ZIP, `zweite CSV-Datei "${entry.name}"`);
      return;
    }
    member = entry.name;
    onMember(entry.name);
    entry.ondata = (error, data, final) => {
      if (error) {
        failure ??= new InputError({file, field: entry.name}, EXPECTED_ZIP, `beschädigte Daten (${error.message})`);
        return;
      }
      if (data.length > 0) {
        output.push(data);
        crc = crc32Update(crc, data);
        size += data.length;
        const bomb = inflationProblem(size, compressed);
        if (bomb) failure ??= new InputError({file, field: entry.name}, EXPECTED_ZIP, bomb);
      }
      if (final) memberDone = true;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);

  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (error) {
      failure ??= new InputError({file, field: member}, EXPECTED_ZIP, `abgeschnittene oder beschädigte ZIP-Daten (${(error as Error).message})`);
    }
  };

  for await (const chunk of source) {
    compressed += chunk.length;
    tail = keepTail(tail, chunk);
    push(chunk, false);
    if (failure) throw failure;
    if (output.length > 0) {
      const ready = output;
      output = [];
      yield* ready;
    }
  }
  push(new Uint8Array(0), true);
  if (failure) throw failure;
  yield* output;
  if (member === undefined) throw new InputError({file}, EXPECTED_ZIP, "keine CSV-Datei im Archiv");
  if (!memberDone || !endsWithDirectory(tail)) throw new InputError({file, field: member}, EXPECTED_ZIP, "abgeschnittenes Archiv (Ende fehlt)");
  const recorded = directoryEntry(tail, member);
  if (recorded === undefined) throw new InputError({file, field: member}, EXPECTED_ZIP, "Eintrag fehlt im Inhaltsverzeichnis des Archivs");
  if (recorded.crc !== (crc ^ CRC_START) >>> 0 || recorded.size !== size % 2 ** 32) {
    throw new InputError({file, field: member}, EXPECTED_ZIP, "beschädigte Daten (Prüfsumme CRC-32 oder Größe stimmt nicht)");
  }
}

/**
 * The same check for an archive already in memory (`kbm pull` unzips the service's answer with
 * fflate's unzipSync, which checks no CRC either): the member's CRC-32 and size against the
 * central directory. Returns what is wrong, or undefined when the member is intact.
 */
export function memberProblem(archive: Uint8Array, name: string, data: Uint8Array): string | undefined {
  const tail = archive.subarray(Math.max(0, archive.length - TAIL_BYTES));
  if (!endsWithDirectory(tail)) return "abgeschnittenes Archiv (Ende fehlt)";
  const recorded = directoryEntry(tail, name);
  if (recorded === undefined) return "Eintrag fehlt im Inhaltsverzeichnis des Archivs";
  if (recorded.crc !== (crc32Update(CRC_START, data) ^ CRC_START) >>> 0 || recorded.size !== data.length % 2 ** 32) return "beschädigte Daten (Prüfsumme CRC-32 oder Größe stimmt nicht)";
  return undefined;
}

const CRC_START = 0xffffffff;
const CRC_TABLE = Int32Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32Update(crc: number, data: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

/** CRC-32 and uncompressed size of `name` from the central directory (within the last bytes of the archive). */
function directoryEntry(tail: Uint8Array, name: string): {crc: number; size: number} | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const wanted = new TextEncoder().encode(name);
  // Backwards: the directory sits right before its end record, after all compressed data.
  for (let i = tail.length - 46; i >= 0; i--) {
    if (tail[i] !== 0x50 || tail[i + 1] !== 0x4b || tail[i + 2] !== 0x01 || tail[i + 3] !== 0x02) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (i + 46 + nameLength > tail.length) continue;
    const entryName = tail.subarray(i + 46, i + 46 + nameLength);
    // fflate decodes names as UTF-8 or CP437; compare bytes first, then the decoded name.
    if (!sameBytes(entryName, wanted) && new TextDecoder("latin1").decode(entryName) !== name) continue;
    let size = view.getUint32(i + 24, true);
    if (size === 0xffffffff) size = zip64Size(view, i, nameLength) ?? size;
    return {crc: view.getUint32(i + 16, true), size};
  }
  return undefined;
}

/** The ZIP64 extra field's uncompressed size (archives over 4 GB), modulo 2^32 as counted. */
function zip64Size(view: DataView, entry: number, nameLength: number): number | undefined {
  const extraLength = view.getUint16(entry + 30, true);
  for (let at = entry + 46 + nameLength; at + 4 <= entry + 46 + nameLength + extraLength; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001 && length >= 8) return view.getUint32(at + 4, true);
    at += 4 + length;
  }
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= TAIL_BYTES) return chunk.slice(chunk.length - TAIL_BYTES);
  const keep = Math.min(tail.length, TAIL_BYTES - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(tail.subarray(tail.length - keep), 0);
  out.set(chunk, keep);
  return out;
}

/** The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes. */
function endsWithDirectory(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail[i] === EOCD[0] && tail[i + 1] === EOCD[1] && tail[i + 2] === EOCD[2] && tail[i + 3] === EOCD[3]) return true;
  }
  return false;
}
