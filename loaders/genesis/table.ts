/**
 * The table layout ("csv" download of a GENESIS table):
 *
 *   GENESIS-Tabelle: 21111-02-06-4                     ← line 1: table code
 *   Allgemeinbildende Schulen: Absolventen/Abgänger;;;  ← title lines: first cell filled
 *   Absolventen/Abgänger (Anzahl);;;;                   ← (a unit in parentheses is kept)
 *   ;;;Schulabschluss;Schulabschluss;…                  ← column-header rows: first cell empty
 *   ;;;Insgesamt;Insgesamt;ohne Hauptschulabschluss;…
 *   ;;;Insgesamt;weiblich;Insgesamt;…
 *   2015;05315;      Köln, Kreisfreie Stadt;10106;…     ← data rows
 *   __________                                          ← footnotes, source, "Stand" to the end
 *
 * Row-label columns ("Vorspalten") are the leading columns that are empty in every header row:
 * period, region key, region name, and any further ones (22543: "Tageseinrichtung",
 * "Tagespflege", …), which become dimensions "stub_1", "stub_2", … in order.
 *
 * Column label rule (`variable`): the non-empty header cells of the column, top to bottom,
 * trimmed and joined with " / ", e.g. "Schulabschluss / ohne Hauptschulabschluss / weiblich".
 * If every cell of the last header row is a unit ("Anzahl", "Prozent", …), that row gives each
 * column's `unit` and is left out of the label; otherwise the unit is the one in parentheses at
 * the end of the last title line ("Absolventen/Abgänger (Anzahl)"), else "". Labels must be unique.
 *
 * A row whose value cells (at least two) are all `-` belongs to a region that did not exist that
 * year: it is set aside (reason "all-dash"), not emitted as zeros, unless the caller knows the
 * region as existing then (option `regionExisted`): then the `-` are real zeros.
 *
 * The first line is "GENESIS-Tabelle: CODE" or, in some downloads, "Tabelle: CODE".
 */
import {InputError} from "../common/errors.ts";
import {CellReader, CellStatus, cellError, isoPeriod, looksLikePeriod, countStatus} from "./values.ts";
import type {RecordSink, RowHandler} from "./sink.ts";
import type {GenesisFlag} from "./types.ts";

/** Units GENESIS writes in a table's unit header row. */
const UNITS = new Set([
  "Anzahl", "Prozent", "%", "Promille", "‰", "EUR", "Euro", "Tsd. EUR", "Tsd. Euro", "1000 EUR", "Mill. EUR", "Mio. EUR", "Mrd. EUR",
  "1000", "Tsd.", "Tsd", "ha", "qm", "1000 qm", "m²", "km²", "qkm", "t", "1000 t", "kg", "Jahre", "Tage", "Stunden", "Std.",
  "Personen", "MWh", "kWh", "Index", "Punkte", "Wochen", "Monate"
]);

const STUB_NAMES = ["Zeit", "Regionalschlüssel", "Regionsname"];

/** How the first line of a table download starts (sniff.ts recognises the layout by it). */
export const TITLE_PREFIXES = ["GENESIS-Tabelle:", "Tabelle:"] as const;

type State = "title" | "header" | "data" | "footer";

export class TableReader implements RowHandler {
  private state: State = "title";
  private titles: string[] = [];
  private headerRows: {fields: string[]; line: number}[] = [];
  private width = 0;
  private stubs = 0;
  private names: string[] = [];
  private labels: string[] = [];
  private units: string[] = [];
  private footerStart = 0;
  private readonly cell = new CellReader();
  private readonly values: (number | null)[] = [];
  private readonly flags: (GenesisFlag | null)[] = [];

  constructor(
    private readonly sink: RecordSink,
    private readonly tableOverride: string | undefined
  ) {}

  get inFooter(): boolean {
    return this.state === "footer";
  }

  row(fields: string[], count: number, line: number): void {
    const first = fields[0]!.trim();
    switch (this.state) {
      case "title":
        if (line === 1) return this.readTitle(first, line);
        if (count === 1 && /,,|\t/.test(first)) throw new InputError({file: this.sink.file, line}, "Feldtrenner \";\"", first.includes("\t") ? "Tabulator" : ",");
        if (first !== "" || isBlank(fields, count)) {
          if (count > 2 && looksLikePeriod(first) && fields[1]!.trim() !== "") {
            throw new InputError({file: this.sink.file, line}, "Spaltenkopfzeilen (erste Zelle leer) vor der ersten Datenzeile", fields.slice(0, 3).join(";"));
          }
          this.titles.push(first);
          this.sink.headerLines++;
          return;
        }
        this.state = "header";
      // falls through: the first column-header row
      case "header":
        if (first.startsWith("__")) {
          this.finishHeader(line);
          return this.startFooter(line);
        }
        if (first === "" && count > 1) {
          if (!isBlank(fields, count)) this.headerRows.push({fields: fields.slice(0, count), line});
          this.sink.headerLines++;
          return;
        }
        this.finishHeader(line);
        this.state = "data";
      // falls through: the first data row
      case "data":
        if (first.startsWith("__")) return this.startFooter(line);
        if (count === 1 && first === "") return;
        return this.readData(fields, count, line);
      case "footer":
        return;
    }
  }

  end(lines: number): void {
    if (this.state === "title") {
      throw new InputError({file: this.sink.file, line: lines + 1}, "Spaltenkopfzeilen (erste Zelle leer) nach dem Titel", "Dateiende");
    }
    if (this.state === "header") this.finishHeader(lines + 1);
    if (this.state === "footer") {
      const block = lines - this.footerStart + 1;
      this.sink.footerLines = block;
      this.sink.putAside({reason: "footnotes", line: this.footerStart, lines: block, message: `Fußnoten, Quellenangabe und Stand (${block} Zeilen)`});
    }
  }

  private readTitle(first: string, line: number): void {
    this.sink.headerLines = 1;
    const prefix = TITLE_PREFIXES.find((p) => first.startsWith(p)) ?? TITLE_PREFIXES[0];
    const code = first.slice(prefix.length).trim();
    if (code === "" && this.tableOverride === undefined) throw new InputError({file: this.sink.file, line, field: prefix.slice(0, -1)}, `Tabellencode nach "${prefix}"`, first);
    this.sink.table = this.tableOverride ?? code;
  }

  private startFooter(line: number): void {
    this.state = "footer";
    this.footerStart = line;
  }

  private finishHeader(line: number): void {
    const sink = this.sink;
    const rows = this.headerRows;
    if (rows.length === 0) throw new InputError({file: sink.file, line}, "Spaltenkopfzeilen (erste Zelle leer) vor der ersten Datenzeile", "keine");
    this.width = rows[0]!.fields.length;
    for (const row of rows) {
      if (row.fields.length !== this.width) throw new InputError({file: sink.file, line: row.line}, `${this.width} Felder wie die erste Spaltenkopfzeile`, `${row.fields.length} Felder`);
    }
    let stubs = 0;
    while (stubs < this.width && rows.every((row) => row.fields[stubs]!.trim() === "")) stubs++;
    if (stubs < 3 || stubs >= this.width) {
      throw new InputError({file: sink.file, line: rows[0]!.line}, "Spaltenköpfe mit drei leeren Vorspalten (Zeit, Regionalschlüssel, Regionsname) und mindestens einer Wertespalte", rows[0]!.fields.join(";"));
    }
    this.stubs = stubs;

    const last = rows[rows.length - 1]!.fields;
    const unitRow = rows.length > 1 && last.slice(stubs).every((cell) => UNITS.has(cell.trim()));
    const labelRows = unitRow ? rows.slice(0, -1) : rows;
    const titleUnit = this.titleUnit();
    const seen = new Set<string>();
    for (let j = stubs; j < this.width; j++) {
      const parts = labelRows.map((row) => row.fields[j]!.trim()).filter((part) => part !== "");
      const label = parts.length > 0 ? parts.join(" / ") : `Spalte ${j + 1}`;
      if (seen.has(label)) throw new InputError({file: sink.file, line: rows[0]!.line, field: label}, "eindeutige Spaltenbeschriftung", label);
      seen.add(label);
      this.labels.push(label);
      this.units.push(unitRow ? last[j]!.trim() : titleUnit);
    }
    const dimensions = Array.from({length: stubs - 3}, (_, i) => `stub_${i + 1}`);
    this.names = [...STUB_NAMES, ...dimensions, ...this.labels];
    sink.begin(dimensions, this.labels);
  }

  /** "Absolventen/Abgänger (Anzahl)" → "Anzahl", when it is a known unit. */
  private titleUnit(): string {
    for (let i = this.titles.length - 1; i >= 0; i--) {
      const match = /\(([^()]+)\)$/.exec(this.titles[i]!);
      if (match && UNITS.has(match[1]!.trim())) return match[1]!.trim();
    }
    return "";
  }

  private readData(fields: string[], count: number, line: number): void {
    const sink = this.sink;
    sink.dataRows++;
    if (count !== this.width) throw sink.fieldCount(line, count, this.width, this.names);
    const rawPeriod = fields[0]!.trim();
    if (!looksLikePeriod(rawPeriod)) throw new InputError({file: sink.file, line, field: "Zeit"}, "Zeitangabe (Jahr, Schuljahr oder Datum TT.MM.JJJJ)", rawPeriod);
    const period = isoPeriod(rawPeriod);
    const region = fields[1]!.trim();
    if (region === "") throw new InputError({file: sink.file, line, field: "Regionalschlüssel"}, "Regionalschlüssel", "");
    const regionName = fields[2]!.trim();
    const dimensions: Record<string, string> = {};
    const hasher = sink.hasher;
    hasher.reset();
    hasher.add(period);
    hasher.add(region);
    for (let j = 3; j < this.stubs; j++) {
      const value = fields[j]!.trim();
      dimensions[`stub_${j - 2}`] = value;
      hasher.add(value);
    }
    // One key per row: its columns are distinct variables.
    const first = sink.firstLineOfKey(line);
    if (first !== 0) throw sink.duplicateKey(line, "Regionalschlüssel", first, [period, region, regionName, ...Object.values(dimensions)].join(" | "));

    const cell = this.cell;
    let allDash = true;
    const columns = this.width - this.stubs;
    for (let c = 0; c < columns; c++) {
      const raw = fields[this.stubs + c]!.trim();
      const status = cell.read(raw);
      if (status !== CellStatus.Ok) throw cellError(status, raw, sink.file, line, this.labels[c]!);
      if (countStatus(cell, this.units[c]!) !== CellStatus.Ok) throw cellError(CellStatus.CountWithSeparator, raw, sink.file, line, this.labels[c]!);
      if (raw !== "-") allDash = false;
      this.values[c] = cell.value;
      this.flags[c] = cell.flag;
    }
    if (allDash && columns >= 2 && sink.dashRowIsAbsentRegion(region, period)) {
      sink.putAside({reason: "all-dash", line, lines: 1, period, region, region_name: regionName, message: `alle Werte "-": Region ${region} ${regionName} bestand ${period} nicht`});
      return;
    }
    sink.recordRows++;
    for (let c = 0; c < columns; c++) {
      sink.emit({table: sink.table, period, region, region_name: regionName, variable: this.labels[c]!, dimensions: {...dimensions}, value: this.values[c]!, unit: this.units[c]!, flag: this.flags[c]!});
    }
  }
}

function isBlank(fields: string[], count: number): boolean {
  for (let i = 0; i < count; i++) if (fields[i]!.trim() !== "") return false;
  return true;
}
