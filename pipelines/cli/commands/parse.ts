import {resolve} from "node:path";
import {neutraliseFormula} from "../../../src/shared/german-csv.ts";
import {checkZipArchive, parseGenesisFile, type GenesisRecord, type ParseHeader, type ParseSummary} from "../../../loaders/genesis/index.ts";
import {choice, defineCommand} from "../command.ts";

const FORMATS = ["json", "csv"] as const;
/** Flush the output buffer at this size even within a chunk (the table layout emits many records per row). */
const FLUSH_CHARS = 1 << 16;
const PROGRESS_EVERY = 1_000_000;
const SHOWN_SET_ASIDE = 5;

export const parseCommand = defineCommand({
  name: "parse",
  summary: "GENESIS-Datei (ffcsv, Tabellen-CSV oder ZIP) lesen und jede Datenzelle als Datensatz ausgeben",
  help: `Aufruf: kbm parse DATEI [--format json|csv]

  DATEI            GENESIS-Download: ffcsv (ab 2025 oder bis 2024), Tabellen-CSV oder das ZIP des Webservice
  --format json    ein JSON-Array von Datensätzen (Standard)
  --format csv     CSV (Komma, Dezimalpunkt) mit denselben Spalten; die Merkmale als Spalten dim_<Code>

Datensatz: table, period, region, region_name, variable, dimensions, value, unit, flag.
Sonderzeichen stehen in flag ("-" = genau null, value 0; ".", "...", "/", "x" = value leer).
Zeilen, deren Werte alle "-" sind (Region bestand nicht), werden beiseitegelegt und auf stderr gemeldet.
Layout, Kodierung und Zusammenfassung gehen nach stderr; Exit 1 bei fehlerhafter Eingabe.`,
  options: {format: {type: "string"}},
  positionals: {min: 1, max: 1, names: "genau eine DATEI"},
  async run({values, positionals}, io) {
    const format = choice(values.format, FORMATS, "format", "json");
    const file = positionals[0]!;
    const output = new BufferedOutput(io.stdout);
    const writer = format === "json" ? new JsonWriter(output) : new CsvWriter(output);
    const log = (message: string) => io.stderr.write(`kbm parse: ${message}\n`);
    let progress = PROGRESS_EVERY;
    const parse = () =>
      parseGenesisFile(resolve(io.cwd, file), {
        file,
        onHeader: (header) => writer.header(header),
        onRecord: (record) => {
          writer.record(record);
          if (output.size >= FLUSH_CHARS) void output.flush();
        },
        onChunk: () => {
          if (writer.records >= progress) {
            log(`${writer.records} Datensätze …`);
            while (progress <= writer.records) progress += PROGRESS_EVERY;
          }
          return output.flush();
        }
      });
    // Nothing goes to stdout before a zip is known to be intact: its CRC is at the end.
    await checkZipArchive(resolve(io.cwd, file), file);
    let summary: ParseSummary;
    try {
      summary = await parse();
      writer.end();
      await output.flush();
    } catch (error) {
      // The reader went away (`kbm parse … | head`): stop quietly, like other Unix tools.
      if (error instanceof OutputClosed) return;
      throw error;
    } finally {
      output.close();
    }
    for (const line of summaryLines(summary)) log(line);
  }
});

const LAYOUT_NAMES = {ffcsv: "ffcsv (ab 2025)", "ffcsv-legacy": "ffcsv (bis 2024)", table: "Tabellen-CSV"} as const;

/** The summary lines for stderr. */
export function summaryLines(summary: ParseSummary): string[] {
  const lines = [`${summary.file}: ${LAYOUT_NAMES[summary.layout]}, Kodierung ${summary.encoding}, Tabelle ${summary.table || "unbekannt"}`];
  if (summary.headerOnly) {
    lines.push("keine Datenzeilen (nur Kopf): 0 Datensätze");
    return lines;
  }
  lines.push(`${summary.records} Datensätze aus ${summary.recordRows} Datenzeilen; ${summary.setAsideRows} von ${summary.dataRows} Datenzeilen beiseitegelegt`);
  const rows = summary.setAside.filter((row) => row.reason !== "footnotes");
  for (const row of rows.slice(0, SHOWN_SET_ASIDE)) lines.push(`  Zeile ${row.line}: ${row.message}`);
  if (rows.length > SHOWN_SET_ASIDE) lines.push(`  … und ${rows.length - SHOWN_SET_ASIDE} weitere Zeilen`);
  for (const block of summary.setAside.filter((row) => row.reason === "footnotes")) lines.push(`  ab Zeile ${block.line}: ${block.message}`);
  return lines;
}

class OutputClosed extends Error {}

/** Collects output text and writes it in large pieces; flush() says when to wait for a full stream. */
class BufferedOutput {
  private parts: string[] = [];
  private draining: Promise<void> | undefined;
  private closed = false;
  size = 0;
  private readonly onError = (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    this.closed = true;
  };

  constructor(private readonly stream: NodeJS.WritableStream) {
    stream.on("error", this.onError);
  }

  close(): void {
    this.stream.removeListener("error", this.onError);
  }

  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
  }

  /** Writes what is buffered; returns a promise while the stream asks us to wait ("drain"). */
  flush(): Promise<void> | undefined {
    if (this.closed) throw new OutputClosed();
    if (this.parts.length > 0) {
      const text = this.parts.join("");
      this.parts = [];
      this.size = 0;
      if (!this.stream.write(text)) {
        // Settles on "drain", or on "error" (then onError has marked the output closed).
        this.draining ??= new Promise((resolve) => {
          const done = () => {
            this.stream.removeListener("drain", done);
            this.stream.removeListener("error", done);
            this.draining = undefined;
            resolve();
          };
          this.stream.once("drain", done);
          this.stream.once("error", done);
        });
      }
    }
    return this.draining;
  }
}

interface RecordWriter {
  readonly records: number;
  header(header: ParseHeader): void;
  record(record: GenesisRecord): void;
  end(): void;
}

/** A JSON array written record by record, never held as one string. */
class JsonWriter implements RecordWriter {
  records = 0;

  constructor(private readonly out: BufferedOutput) {}

  header(): void {}

  record(record: GenesisRecord): void {
    this.out.add(`${this.records++ === 0 ? "[\n" : ",\n"}${JSON.stringify(record)}`);
  }

  end(): void {
    this.out.add(this.records === 0 ? "[]\n" : "\n]\n");
  }
}

/** RFC 4180 CSV; the dimension columns come from the header, before the first row. */
class CsvWriter implements RecordWriter {
  records = 0;
  private dimensions: string[] = [];

  constructor(private readonly out: BufferedOutput) {}

  header(header: ParseHeader): void {
    this.dimensions = header.dimensions;
    const columns = ["table", "period", "region", "region_name", "variable", ...header.dimensions.map((code) => `dim_${code}`), "value", "unit", "flag"];
    this.out.add(columns.map(csvField).join(",") + "\n");
  }

  record(record: GenesisRecord): void {
    for (const code in record.dimensions) {
      if (!this.dimensions.includes(code)) {
        throw new Error(`CSV-Ausgabe: Merkmal "${code}" kommt in der ersten Datenzeile nicht vor, die Spalten stehen schon fest; bitte --format json verwenden`);
      }
    }
    const dims = this.dimensions.map((code) => csvField(record.dimensions[code] ?? ""));
    const cells = [csvField(record.table), csvField(record.period), csvField(record.region), csvField(record.region_name), csvField(record.variable), ...dims, record.value === null ? "" : String(record.value), csvField(record.unit), csvField(record.flag ?? "")];
    this.out.add(cells.join(",") + "\n");
    this.records++;
  }

  end(): void {}
}

/** A text cell: formula starts neutralised like every CSV the project writes (german-csv.ts), then quoted if needed. */
function csvField(raw: string): string {
  const text = neutraliseFormula(raw);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
