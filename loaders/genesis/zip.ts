/**
 * Streaming extraction of the one CSV member of a GENESIS zip (`data/tablefile` answers with
 * `application/zip` holding one `…_flat.csv`). fflate inflates chunk by chunk, so the CSV is never
 * held in memory as a whole.
 */
import {Unzip, UnzipInflate, type UnzipFile} from "fflate";
import {InputError} from "../common/errors.ts";

const EXPECTED_ZIP = "vollständiges ZIP-Archiv mit genau einer CSV-Datei";
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
      if (data.length > 0) output.push(data);
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
