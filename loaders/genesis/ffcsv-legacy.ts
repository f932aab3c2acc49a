/**
 * The ffcsv layout until 2024: German header, one row per combination of attributes, one column
 * per value variable:
 *
 *   Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;
 *   1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;…;
 *   BEVSTD__Bevoelkerungsstand__Anzahl[;BEVSTD__Bevoelkerungsstand__q]…
 *
 * A value column `CODE__Label__Unit` gives variable CODE and unit Unit (underscores back to
 * spaces: "Mill._EUR" → "Mill. EUR"); a name without two `__` is kept whole as the variable.
 * A `…__q` column holds the quality marks of the value column before it. Labels are indented
 * with spaces (hierarchy); they are trimmed. Dates "31.12.2022" become "2022-12-31".
 *
 * The rows of one region and period are consecutive. When all their value cells (at least two)
 * are `-`, the region did not exist then (e.g. Göttingen 03152 after 2016): those rows are set
 * aside, not emitted as zeros.
 */
import {InputError} from "../common/errors.ts";
import {CellReader, CellStatus, cellError, isoPeriod, qualityError} from "./values.ts";
import {REGIONAL_VARIABLES, columnIndex, describeKey, requireColumns, type RecordSink, type RowHandler} from "./sink.ts";
import {tableFromFileName} from "./ffcsv.ts";
import type {GenesisRecord} from "./types.ts";

interface Variable {
  code: number;
  attribute: number;
  label: number;
}

interface ValueColumn {
  index: number;
  name: string;
  variable: string;
  unit: string;
  /** Index of its `__q` column, or -1. */
  quality: number;
}

const FIXED = new Set(["Statistik_Code", "Statistik_Label", "Zeit_Code", "Zeit_Label", "Zeit"]);

export class FfcsvLegacyReader implements RowHandler {
  private names: string[] = [];
  private time = 0;
  private statisticsColumn = 0;
  private variables: Variable[] = [];
  private classifying: Variable[] = [];
  private regional: Variable | undefined;
  private regionalCode = "";
  private values: ValueColumn[] = [];
  private readonly cell = new CellReader();
  private group: {key: string; period: string; region: string; regionName: string; lines: number[]; records: GenesisRecord[]; cells: number; allDash: boolean} | undefined;

  constructor(
    private readonly sink: RecordSink,
    private readonly fileName: string,
    private readonly tableOverride: string | undefined
  ) {}

  row(fields: string[], count: number, line: number): void {
    if (line === 1) return this.readHeader(fields.slice(0, count));
    if (count === 1 && fields[0] === "") return;
    const sink = this.sink;
    sink.dataRows++;
    if (count !== this.names.length) {
      if (count === 1 && fields[0]!.includes(",")) throw new InputError({file: sink.file, line}, "Feldtrenner \";\"", ",");
      throw sink.fieldCount(line, count, this.names.length, this.names);
    }
    if (!sink.started) this.start(fields, line);

    const time = fields[this.time]!;
    if (time.trim() === "") throw this.missing(line, this.time, "Zeitangabe");
    const period = isoPeriod(time);
    let region = "";
    let regionName = "";
    if (this.regional) {
      const {code, attribute, label} = this.regional;
      if (fields[code] !== this.regionalCode) {
        throw new InputError({file: sink.file, line, field: this.names[code]}, `Regionalmerkmal "${this.regionalCode}" wie in der ersten Datenzeile`, fields[code]);
      }
      region = fields[attribute]!.trim();
      if (region === "") throw this.missing(line, attribute, "Regionalschlüssel");
      regionName = fields[label]!.trim();
    }
    const dimensions: Record<string, string> = {};
    for (const v of this.classifying) {
      const code = fields[v.code]!;
      const attribute = fields[v.attribute]!.trim();
      if (code === "") {
        if (attribute === "" && fields[v.label]!.trim() === "") continue;
        throw this.missing(line, v.code, "Merkmalscode");
      }
      dimensions[code] = attribute;
    }

    const key = `${period}\u0000${region}`;
    if (this.group?.key !== key) {
      this.flush();
      this.group = {key, period, region, regionName, lines: [], records: [], cells: 0, allDash: true};
    }
    const group = this.group!;
    group.lines.push(line);
    const cell = this.cell;
    for (const column of this.values) {
      const raw = fields[column.index]!;
      const status = cell.read(raw);
      if (status !== CellStatus.Ok) throw cellError(status, raw, sink.file, line, column.name);
      if (column.quality >= 0 && !cell.applyQuality(fields[column.quality]!)) {
        throw qualityError(fields[column.quality]!, sink.file, line, this.names[column.quality]!);
      }
      const hasher = sink.hasher;
      hasher.reset();
      hasher.add(period);
      hasher.add(region);
      hasher.add(column.variable);
      for (const [code, attribute] of Object.entries(dimensions)) {
        hasher.add(code);
        hasher.add(attribute);
      }
      const first = sink.firstLineOfKey(line);
      if (first !== 0) throw sink.duplicateKey(line, this.regional ? this.names[this.regional.attribute]! : column.name, first, describeKey(period, region, column.variable, dimensions));
      group.cells++;
      if (raw !== "-") group.allDash = false;
      group.records.push({table: sink.table, period, region, region_name: regionName, variable: column.variable, dimensions: {...dimensions}, value: cell.value, unit: column.unit, flag: cell.flag});
    }
  }

  end(): void {
    this.flush();
    this.sink.table ||= this.tableOverride ?? tableFromFileName(this.fileName, "");
    this.sink.begin([], this.values.map((c) => c.variable));
  }

  private flush(): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    const sink = this.sink;
    if (group.cells >= 2 && group.allDash) {
      for (const line of group.lines) {
        sink.putAside({reason: "all-dash", line, lines: 1, period: group.period, region: group.region, region_name: group.regionName, message: `alle Werte "-": Region ${group.region} ${group.regionName} bestand ${group.period} nicht`});
      }
      return;
    }
    sink.recordRows += group.lines.length;
    for (const record of group.records) sink.emit(record);
  }

  private readHeader(header: string[]): void {
    const sink = this.sink;
    sink.headerLines = 1;
    const index = columnIndex(header);
    const required = ["Statistik_Code", "Zeit"];
    for (let k = 1; index.has(`${k}_Merkmal_Code`) || k === 1; k++) {
      required.push(`${k}_Merkmal_Code`, `${k}_Auspraegung_Code`, `${k}_Auspraegung_Label`);
    }
    requireColumns(index, required, sink.file, "ffcsv bis 2024");
    this.names = header;
    this.time = index.get("Zeit")!;
    this.statisticsColumn = index.get("Statistik_Code")!;
    for (let k = 1; index.has(`${k}_Merkmal_Code`); k++) {
      this.variables.push({code: index.get(`${k}_Merkmal_Code`)!, attribute: index.get(`${k}_Auspraegung_Code`)!, label: index.get(`${k}_Auspraegung_Label`)!});
    }
    header.forEach((name, i) => {
      if (FIXED.has(name) || /^\d+_(Merkmal|Auspraegung)_(Code|Label)$/.test(name)) return;
      if (!name.includes("__")) {
        // An empty header cell is named by its position, never as the field "".
        throw new InputError({file: sink.file, line: 1, field: name.trim() ? name : `Spalte ${i + 1}`}, "Wertespalte der Form CODE__Label__Einheit", name);
      }
      if (name.endsWith("__q")) {
        const owner = this.values[this.values.length - 1];
        if (!owner || owner.quality !== -1) {
          throw new InputError({file: sink.file, line: 1, field: name}, "Qualitätsspalte direkt nach ihrer Wertespalte", name);
        }
        owner.quality = i;
        return;
      }
      const parts = name.split("__");
      const variable = parts.length >= 3 ? parts[0]! : name;
      const unit = parts.length >= 3 ? parts[parts.length - 1]!.replace(/_/g, " ") : "";
      this.values.push({index: i, name, variable, unit, quality: -1});
    });
    if (this.values.length === 0) {
      throw new InputError({file: sink.file, line: 1}, "mindestens eine Wertespalte der Form CODE__Label__Einheit", "keine");
    }
  }

  private start(fields: string[], line: number): void {
    const sink = this.sink;
    this.regional = this.variables.find((v) => REGIONAL_VARIABLES.has(fields[v.code]!));
    this.regionalCode = this.regional ? fields[this.regional.code]! : "";
    this.classifying = this.variables.filter((v) => v !== this.regional);
    const statistic = fields[this.statisticsColumn]!;
    if (statistic === "") throw this.missing(line, this.statisticsColumn, "Statistik-Code");
    sink.table = this.tableOverride ?? tableFromFileName(this.fileName, statistic);
    const dimensions = this.classifying.map((v) => fields[v.code]!).filter((code) => code !== "");
    sink.begin(dimensions, this.values.map((c) => c.variable));
  }

  private missing(line: number, column: number, what: string): InputError {
    return new InputError({file: this.sink.file, line, field: this.names[column]}, what, "");
  }
}
