/**
 * Rows of the table layout, read with papaparse's streaming mode over a Node stream. The table
 * layout is small (one table, a few MB) but irregular: title lines of one field, quoted
 * multi-line footnotes with `""` escapes. papaparse handles those; this adapter adds physical
 * line numbers, CRLF handling and error mapping.
 */
import {Readable} from "node:stream";
import Papa from "papaparse";
import {InputError} from "../common/errors.ts";
import {MAX_ROW_CHARS, type RowCallback} from "./split.ts";

export interface PapaRowsOptions {
  file: string;
  onRow: RowCallback;
  /** papaparse reports malformed quotes; rows after this returns true (footnotes) are exempt. */
  lenient(): boolean;
  /** Awaited between input chunks (backpressure). */
  onChunk?(): void | Promise<void>;
}

/** Parses decoded text chunks; resolves with the number of physical lines after the last row. */
export function papaRows(text: AsyncIterable<string>, options: PapaRowsOptions): Promise<number> {
  const {file, onRow} = options;
  let line = 1;
  let waiting: Promise<void> | undefined;

  // Characters since the last line break, quoted or not: papaparse would buffer a row that never
  // ends and slow down with it (50 MB: a minute). Cut off at the splitter's limit instead.
  let sinceBreak = 0;
  let breaks = 0;
  async function* paced(): AsyncGenerator<string> {
    for await (const chunk of text) {
      if (waiting) {
        await waiting;
        waiting = undefined;
      }
      const lastBreak = chunk.lastIndexOf("\n");
      for (let b = chunk.indexOf("\n"); b !== -1; b = chunk.indexOf("\n", b + 1)) breaks++;
      sinceBreak = lastBreak === -1 ? sinceBreak + chunk.length : chunk.length - lastBreak - 1;
      if (sinceBreak > MAX_ROW_CHARS) {
        throw new InputError({file, line: breaks + 1, field: "Zeile"}, `eine Zeile unter ${MAX_ROW_CHARS / 1024 ** 2} MB`, `mehr als ${MAX_ROW_CHARS / 1024 ** 2} MB ohne Zeilenende`);
      }
      yield chunk;
    }
  }

  const input = Readable.from(paced(), {objectMode: true});
  return new Promise<number>((resolve, reject) => {
    const fail = (error: unknown) => {
      input.destroy();
      reject(error);
    };
    Papa.parse<string[]>(input, {
      delimiter: ";",
      newline: "\n",
      quoteChar: '"',
      chunk(results) {
        const rows = results.data;
        const problem = results.errors[0];
        for (let r = 0; r < rows.length; r++) {
          const fields = rows[r]!;
          if (problem && problem.row === r && !options.lenient()) {
            throw new InputError({file, line, field: `Feld ${fields.length}`}, problem.code === "MissingQuotes" ? "schließendes Anführungszeichen" : "Feldtrenner \";\" oder Zeilenende nach dem schließenden Anführungszeichen", fields[fields.length - 1]?.slice(0, 40) ?? "");
          }
          const last = fields.length - 1;
          // newline "\n" leaves the CR of CRLF at the end of the row.
          if (last >= 0 && fields[last]!.endsWith("\r")) fields[last] = fields[last]!.slice(0, -1);
          onRow(fields, fields.length, line);
          line++;
          for (const field of fields) for (let b = field.indexOf("\n"); b !== -1; b = field.indexOf("\n", b + 1)) line++;
        }
        const pending = options.onChunk?.();
        if (pending) waiting = pending;
      },
      complete: () => resolve(line - 1),
      error: fail
    });
  });
}
