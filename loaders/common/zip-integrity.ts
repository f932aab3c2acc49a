/**
 * What every path that unzips needs and fflate does not do: check each member against the
 * archive's central directory (CRC-32 and size), and refuse archives that inflate far beyond
 * their size. A damaged archive is then an error, never data that differs silently.
 *
 * Used by the GENESIS zips (streaming in genesis/zip.ts, in memory in `kbm pull`), the
 * workbooks of the programme sheets (an .xlsx is a zip) and the site's own archives.
 */
import {unzipSync} from "fflate";

/**
 * Limits against zip bombs. The largest GENESIS table the project pulls inflates to a few hundred
 * MB at 10–20 : 1; a bomb inflates thousands of times its size.
 */
export const MAX_INFLATED_BYTES = 1024 ** 3;
export const MAX_RATIO = 200;
/** The ratio is judged only once this much came out (small files compress unevenly). */
const RATIO_AFTER_BYTES = 16 * 1024 ** 2;

export interface InflationLimits {
  maxBytes: number;
  maxRatio: number;
}

/** What is wrong with inflating `inflated` bytes out of `compressed`, or undefined. */
export function inflationProblem(inflated: number, compressed: number, limits: InflationLimits = {maxBytes: MAX_INFLATED_BYTES, maxRatio: MAX_RATIO}): string | undefined {
  if (inflated > limits.maxBytes) return `entpackt größer als ${Math.round(limits.maxBytes / 1024 ** 2)} MB (ZIP-Bombe?)`;
  if (inflated >= Math.min(RATIO_AFTER_BYTES, limits.maxBytes) && inflated > compressed * limits.maxRatio) return `entpackt mehr als das ${limits.maxRatio}fache der gepackten Größe (ZIP-Bombe?)`;
  return undefined;
}

export const DAMAGED = "beschädigte Daten (Prüfsumme CRC-32 oder Größe stimmt nicht)";
export const NOT_IN_DIRECTORY = "Eintrag fehlt im Inhaltsverzeichnis des Archivs";
export const CUT_OFF = "abgeschnittenes Archiv (Ende fehlt)";

/** A problem of an archive, or of one of its members (`member`). Callers turn it into their own error. */
export class ZipProblem extends Error {
  override name = "ZipProblem";
  constructor(
    readonly member: string | undefined,
    readonly problem: string,
    /** "limit": refused before inflating (zip bomb); "damaged": cut off, corrupt or not matching its checksum. */
    readonly kind: "limit" | "damaged" = "damaged"
  ) {
    super(member === undefined ? problem : `${member}: ${problem}`);
  }
}

/** The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes. */
export const TAIL_BYTES = 65_557;
const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;

export const CRC_START = 0xffffffff;
const CRC_TABLE = Int32Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** Continues a CRC-32 over `data` (start with CRC_START, finish with `^ CRC_START >>> 0`). */
export function crc32Update(crc: number, data: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return c;
}

export function crc32(data: Uint8Array): number {
  return (crc32Update(CRC_START, data) ^ CRC_START) >>> 0;
}

/** Position of the end-of-central-directory record within `tail`, or -1 (the archive was cut off). */
export function findEndRecord(tail: Uint8Array): number {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let i = tail.length - 22; i >= 0; i--) if (view.getUint32(i, true) === EOCD) return i;
  return -1;
}

export interface DirectoryEntry {
  crc: number;
  /** Uncompressed size (modulo 2^32, as a member's bytes are counted). */
  size: number;
}

/**
 * CRC-32 and size of `name` from the central directory, searched in the last bytes of the
 * archive (for a stream, where only the tail is kept).
 */
export function directoryEntryInTail(tail: Uint8Array, name: string): DirectoryEntry | undefined {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // Backwards: the directory sits right before its end record, after all compressed data.
  for (let i = tail.length - 46; i >= 0; i--) {
    if (view.getUint32(i, true) !== CENTRAL_ENTRY) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (i + 46 + nameLength > tail.length) continue;
    if (entryName(tail, view, i) !== name) continue;
    return entryAt(view, i);
  }
  return undefined;
}

/** Every entry of the central directory of an archive in memory, by name. */
export function readDirectory(archive: Uint8Array): Map<string, DirectoryEntry> {
  const tailStart = Math.max(0, archive.length - TAIL_BYTES);
  const end = findEndRecord(archive.subarray(tailStart));
  if (end === -1) throw new ZipProblem(undefined, CUT_OFF);
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  const eocd = tailStart + end;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
    const record = Number(view.getBigUint64(eocd - 12, true));
    if (record + 56 > archive.length || view.getUint32(record, true) !== ZIP64_EOCD) throw new ZipProblem(undefined, CUT_OFF);
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const entries = new Map<string, DirectoryEntry>();
  for (let i = 0, at = offset; i < count; i++) {
    if (at + 46 > archive.length || view.getUint32(at, true) !== CENTRAL_ENTRY) throw new ZipProblem(undefined, "beschädigtes Inhaltsverzeichnis des Archivs");
    entries.set(entryName(archive, view, at), entryAt(view, at));
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * The member's name as fflate gives it: UTF-8 when flag bit 11 is set, else one byte per
 * character (code point = byte; not the WHATWG "latin1", which is Windows-1252 for 0x80–0x9F,
 * where old Windows tools put ä, ö and ü).
 */
function entryName(bytes: Uint8Array, view: DataView, at: number): string {
  const raw = bytes.subarray(at + 46, at + 46 + view.getUint16(at + 28, true));
  return view.getUint16(at + 8, true) & 0x800 ? new TextDecoder().decode(raw) : String.fromCharCode(...raw);
}

function entryAt(view: DataView, at: number): DirectoryEntry {
  let size = view.getUint32(at + 24, true);
  if (size === 0xffffffff) size = zip64Size(view, at) ?? size;
  return {crc: view.getUint32(at + 16, true), size};
}

/** The ZIP64 extra field's uncompressed size (archives over 4 GB), modulo 2^32 as counted. */
function zip64Size(view: DataView, entry: number): number | undefined {
  const nameLength = view.getUint16(entry + 28, true);
  const extraLength = view.getUint16(entry + 30, true);
  for (let at = entry + 46 + nameLength; at + 4 <= entry + 46 + nameLength + extraLength; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001 && length >= 8) return view.getUint32(at + 4, true);
    at += 4 + length;
  }
  return undefined;
}

/** What is wrong with `data` as the member `name` of the archive whose directory is given, or undefined. */
export function memberProblem(directory: Map<string, DirectoryEntry>, name: string, data: Uint8Array): string | undefined {
  const recorded = directory.get(name);
  if (recorded === undefined) return NOT_IN_DIRECTORY;
  if (recorded.crc !== crc32(data) || recorded.size !== data.length % 2 ** 32) return DAMAGED;
  return undefined;
}

/**
 * Unzips an archive in memory (the members `keep` accepts, default all files) and checks every
 * member against the central directory. Refuses a member whose declared size breaks the limits
 * before inflating it. Throws ZipProblem.
 */
export function unzipVerified(archive: Uint8Array, options: {keep?: (name: string) => boolean; limits?: InflationLimits} = {}): Record<string, Uint8Array> {
  const directory = readDirectory(archive);
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(archive, {
      filter: (file) => {
        if (file.name.endsWith("/") || (options.keep && !options.keep(file.name))) return false;
        // The declared size, before any byte is inflated; the CRC check below catches a size that lies.
        const bomb = inflationProblem(file.originalSize, file.size, options.limits);
        if (bomb) throw new ZipProblem(file.name, bomb, "limit");
        return true;
      }
    });
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem(undefined, `abgeschnittene oder beschädigte ZIP-Daten (${(error as Error).message})`);
  }
  for (const [name, data] of Object.entries(members)) {
    const problem = memberProblem(directory, name, data);
    if (problem) throw new ZipProblem(name, problem);
  }
  return members;
}
