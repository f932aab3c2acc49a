/**
 * Streaming extraction of the one CSV member of a GENESIS zip (`data/tablefile` answers with
 * `application/zip` holding one `…_flat.csv`). fflate inflates chunk by chunk, so the CSV is never
 * held in memory as a whole. fflate does not check the member's CRC-32: this module does, against
 * the central directory, so a damaged archive is an error and never data that differs silently.
 */
import {Unzip, UnzipInflate, type UnzipFile} from "fflate";
import {InputError} from "../common/errors.ts";
import {CRC_START, CUT_OFF, DAMAGED, NOT_IN_DIRECTORY, TAIL_BYTES, crc32Update, directoryEntryInTail, findEndRecord, inflationProblem} from "../common/zip-integrity.ts";

const EXPECTED_ZIP = "vollständiges ZIP-Archiv mit genau einer CSV-Datei";

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
  if (!memberDone || findEndRecord(tail) === -1) throw new InputError({file, field: member}, EXPECTED_ZIP, CUT_OFF);
  const recorded = directoryEntryInTail(tail, member);
  if (recorded === undefined) throw new InputError({file, field: member}, EXPECTED_ZIP, NOT_IN_DIRECTORY);
  if (recorded.crc !== (crc ^ CRC_START) >>> 0 || recorded.size !== size % 2 ** 32) throw new InputError({file, field: member}, EXPECTED_ZIP, DAMAGED);
}

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= TAIL_BYTES) return chunk.slice(chunk.length - TAIL_BYTES);
  const keep = Math.min(tail.length, TAIL_BYTES - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(tail.subarray(tail.length - keep), 0);
  out.set(chunk, keep);
  return out;
}
