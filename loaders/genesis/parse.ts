/**
 * Streaming parser for GENESIS files: bytes (a file, a zip, a Node stream) → encoding detection →
 * layout detection on the first line → rows → tidy records through callbacks. Nothing holds the
 * whole file: memory stays flat for files of hundreds of MB.
 *
 *   const summary = await parseGenesisFile("21111-02-06-4.csv", {onRecord: (r) => …});
 */
import {assertReadableFile, fileProblem} from "../common/readable-file.ts";
import {createReadStream} from "node:fs";
import {stat} from "node:fs/promises";
import {basename} from "node:path";
import {InputError} from "../common/errors.ts";
import {StreamingDecoder} from "./decode.ts";
import {FfcsvReader} from "./ffcsv.ts";
import {FfcsvLegacyReader} from "./ffcsv-legacy.ts";
import {papaRows} from "./papa-rows.ts";
import {RecordSink, type RowHandler} from "./sink.ts";
import {EXPECTED_FILE, detectLayout, htmlError, jsonError, looksLikeHtml, looksLikeJson} from "./sniff.ts";
import {RowSplitter} from "./split.ts";
import {TableReader} from "./table.ts";
import type {GenesisLayout, ParseOptions, ParseSummary} from "./types.ts";
import {isZip, unzipCsv} from "./zip.ts";

/**
 * Size of the pieces read, decoded and split at once. 64 KB measured 1.4x faster than 1 MB (the
 * text stays in the CPU cache, V8 handles short strings cheaply) and keeps memory low; larger
 * chunks from other sources are cut to this size.
 */
const CHUNK_BYTES = 1 << 16;
/** A first line longer than this is not a GENESIS header. */
const MAX_FIRST_LINE = 4 << 20;

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface StreamOptions extends ParseOptions {
  /** The name used in error messages and to derive the table code ("12411-01-01-4_flat.csv"). */
  file: string;
  /** Size of the input in bytes if known: lets the duplicate-key table be sized once. */
  sizeHint?: number;
}

/** Parses a file (CSV or zip) from disk. */
export async function parseGenesisFile(path: string, options: ParseOptions & {file?: string} = {}): Promise<ParseSummary> {
  const file = options.file ?? path;
  assertReadableFile(path, file);
  const size = await stat(path).then(
    (info) => info.size,
    () => undefined
  );
  return parseGenesisStream(readFile(path, file), {...options, file, ...(size === undefined ? {} : {sizeHint: size})});
}

/**
 * For a zip: inflates its CSV once, discarding it, so that a damaged archive (CRC, size, cut
 * off, bomb) is refused before a caller writes anything of it (kbm parse streams to stdout).
 * Does nothing for a plain CSV. Costs a second inflation of the member.
 */
export async function checkZipArchive(path: string, file = path): Promise<void> {
  assertReadableFile(path, file);
  const input = new Peekable(readFile(path, file));
  try {
    if (!isZip(await input.peek(4))) return;
    for await (const _ of unzipCsv(input, file, () => {})) {
      // Only the checks at the end matter here.
    }
  } finally {
    await input.close();
  }
}

/** Parses text that is already decoded (tests, small inputs); it goes through the same path as UTF-8 bytes. */
export function parseGenesisText(text: string, options: StreamOptions): Promise<ParseSummary> {
  return parseGenesisStream([Buffer.from(text, "utf8")], options);
}

/** Parses bytes from any source: a Node stream, an async generator, an array of buffers. */
export async function parseGenesisStream(source: ByteSource, options: StreamOptions): Promise<ParseSummary> {
  let input = new Peekable(source);
  try {
    let file = options.file;
    let member: string | undefined;
    if (isZip(await input.peek(4))) {
      input = new Peekable(unzipCsv(input, file, (name) => (member = name)));
      await input.peek(1);
      file = `${file} (${member})`;
    }

    const decoder = new StreamingDecoder(file);
    const first = await readFirstLine(input, decoder, file);
    const layout = detectLayout(first.line, file);
    const sink = new RecordSink(file, layout, options);
    const name = member ?? basename(options.file);
    const handler: RowHandler =
      layout === "ffcsv" ? new FfcsvReader(sink, name, options.table) : layout === "ffcsv-legacy" ? new FfcsvLegacyReader(sink, name, options.table) : new TableReader(sink, options.table);

    const sizeHint = member === undefined ? options.sizeHint : undefined;
    const lines = layout === "table" ? await readTable(first.text, input, decoder, handler, options, file) : await readFlat(first.text, input, decoder, handler, sink, options, file, sizeHint);
    handler.end(lines);
    return summarise(sink, layout, decoder, member);
  } finally {
    // On an error, stop reading (closes the file).
    await input.close();
  }
}

async function readFlat(firstText: string, input: Peekable, decoder: StreamingDecoder, handler: RowHandler, sink: RecordSink, options: ParseOptions, file: string, sizeHint: number | undefined): Promise<number> {
  const splitter = new RowSplitter(file, handler);
  splitter.push(firstText);
  let sized = sizeHint === undefined;
  for await (const chunk of input) {
    for (let at = 0; at < chunk.length; at += CHUNK_BYTES) {
      const text = decoder.decode(chunk.subarray(at, at + CHUNK_BYTES));
      if (text.length > 0) splitter.push(text);
    }
    if (!sized && sink.keyCount >= 1000) {
      // Extrapolate the number of keys from the bytes read so far.
      sink.reserveKeys(Math.ceil((sink.keyCount * sizeHint!) / decoder.bytesSeen));
      sized = true;
    }
    const pending = options.onChunk?.();
    if (pending) await pending;
  }
  const tail = decoder.end();
  if (tail.length > 0) splitter.push(tail);
  splitter.end();
  return splitter.lines;
}

async function readTable(firstText: string, input: Peekable, decoder: StreamingDecoder, handler: RowHandler, options: ParseOptions, file: string): Promise<number> {
  async function* text(): AsyncGenerator<string> {
    yield firstText;
    for await (const chunk of input) {
      const decoded = decoder.decode(chunk);
      if (decoded.length > 0) yield decoded;
    }
    const tail = decoder.end();
    if (tail.length > 0) yield tail;
  }
  return papaRows(text(), {
    file,
    onRow: (fields, count, line) => handler.row(fields, count, line),
    lenient: () => handler.inFooter === true,
    onChunk: options.onChunk
  });
}

/** Decodes until the first non-blank line is complete; recognises empty files, JSON and HTML answers. */
async function readFirstLine(input: Peekable, decoder: StreamingDecoder, file: string): Promise<{text: string; line: string}> {
  let text = "";
  let contentEnd = -1;
  // Read until the first line with content is complete (HTML pages may start with blank lines).
  while (contentEnd === -1 && text.length < MAX_FIRST_LINE) {
    const chunk = await input.next();
    if (chunk === undefined) {
      text += decoder.end();
      break;
    }
    text += decoder.decode(chunk);
    const start = text.length - text.trimStart().length;
    if (start < text.length) contentEnd = text.indexOf("\n", start);
  }
  const newline = text.indexOf("\n");
  if (decoder.bytesSeen === 0) throw new InputError({file, line: 1}, EXPECTED_FILE, "leere Datei (0 Bytes)");
  if (looksLikeJson(text)) {
    // A status message is small; read it whole to report its code and text.
    for (let chunk = await input.next(); chunk !== undefined && text.length < MAX_FIRST_LINE; chunk = await input.next()) text += decoder.decode(chunk);
    text += decoder.end();
    throw jsonError(text, file);
  }
  if (looksLikeHtml(text)) throw htmlError(text, file);
  if (text.trim() === "" && newline === -1) throw new InputError({file, line: 1}, EXPECTED_FILE, "nur Leerraum");
  // Old Mac line ends: the whole file would be one header line and "0 Datensätze" with exit 0.
  if (newline === -1 && /\r[^\n]/.test(text)) throw new InputError({file, line: 1, field: "Zeilenende"}, "LF oder CRLF (die Datei so speichern)", "nur CR (altes Mac-Format)");
  return {text, line: newline === -1 ? text : text.slice(0, newline)};
}

function summarise(sink: RecordSink, layout: GenesisLayout, decoder: StreamingDecoder, member: string | undefined): ParseSummary {
  const summary: ParseSummary = {
    file: sink.file,
    layout,
    encoding: decoder.encoding,
    table: sink.table,
    records: sink.records,
    dataRows: sink.dataRows,
    recordRows: sink.recordRows,
    setAsideRows: sink.setAsideRows,
    setAside: sink.setAside,
    headerLines: sink.headerLines,
    footerLines: sink.footerLines,
    headerOnly: sink.dataRows === 0
  };
  if (member !== undefined) summary.zipMember = member;
  return summary;
}

async function* readFile(path: string, file: string): AsyncGenerator<Uint8Array> {
  try {
    yield* createReadStream(path, {highWaterMark: CHUNK_BYTES});
  } catch (error) {
    // A read error halfway (EIO …) is a system error too: the same message, never a stack.
    if ((error as NodeJS.ErrnoException).code) throw fileProblem(error, file);
    throw error;
  }
}

/** An async byte source that can look ahead at its first bytes without losing them. */
class Peekable implements AsyncIterable<Uint8Array> {
  private readonly iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private buffered: Uint8Array[] = [];

  constructor(source: ByteSource) {
    this.iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  /** The first `count` bytes (fewer at the end of the input), left in place. */
  async peek(count: number): Promise<Uint8Array> {
    let have = this.buffered.reduce((sum, chunk) => sum + chunk.length, 0);
    while (have < count) {
      const result = await this.iterator.next();
      if (result.done) break;
      this.buffered.push(result.value);
      have += result.value.length;
    }
    return Buffer.concat(this.buffered).subarray(0, count);
  }

  async next(): Promise<Uint8Array | undefined> {
    if (this.buffered.length > 0) return this.buffered.shift();
    const result = await this.iterator.next();
    return result.done ? undefined : result.value;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    try {
      for (let chunk = await this.next(); chunk !== undefined; chunk = await this.next()) yield chunk;
    } finally {
      // A consumer that stops early (an error) closes the source too.
      await this.close();
    }
  }

  async close(): Promise<void> {
    this.buffered = [];
    await this.iterator.return?.();
  }
}
