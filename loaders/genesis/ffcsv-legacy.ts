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
 * aside, not emitted as zeros, unless the caller knows the region as existing (`regionExisted`).
 * The row checks shared with the ffcsv layout are in flat-rows.ts.
 */
import {InputError} from "../common/errors.ts";
import {CellReader, CellStatus, QualityStatus, cellError, isoPeriod, qualityError, countStatus} from "./values.ts";
import {FlatRows, type FlatNames} from "./flat-rows.ts";
import {describeKey, type RecordSink, type RowHandler} from "./sink.ts";
import type {GenesisRecord} from "./types.ts";

interface ValueColumn {
  index: number;
  name: string;
  variable: string;
  unit: string;
  /** Index of its `__q` column, or -1. */
  quality: number;
}

const NAMES: FlatNames = {
  layout: "ffcsv bis 2024",
  statistics: "Statistik_Code",
  time: "Zeit",
  variable: (k) => [`${k}_Merkmal_Code`, `${k}_Auspraegung_Code`, `${k}_Auspraegung_Label`],
  trim: true
};
const FIXED = new Set(["Statistik_Code", "Statistik_Label", "Zeit_Code", "Zeit_Label", "Zeit"]);

export class FfcsvLegacyReader implements RowHandler {
  private readonly rows: FlatRows;
  private values: ValueColumn[] = [];
  private readonly variableNames = (): string[] => this.values.map((c) => c.variable);
  private readonly cell = new CellReader();
  private group: {key: string; period: string; region: string; regionName: string; lines: number[]; records: GenesisRecord[]; cells: number; allDash: boolean} | undefined;

  constructor(
    private readonly sink: RecordSink,
    fileName: string,
    tableOverride: string | undefined
  ) {
    this.rows = new FlatRows(sink, NAMES, fileName, tableOverride);
  }

  row(fields: string[], count: number, line: number): void {
    const rows = this.rows;
    if (line === 1) return this.readHeader(fields.slice(0, count));
    if (!rows.accept(fields, count, line, this.variableNames)) return;
    const sink = this.sink;

    const time = fields[rows.time]!;
    if (time.trim() === "") throw rows.missing(line, rows.time, "Zeitangabe");
    const period = isoPeriod(time);
    rows.readRegion(fields, line);
    const {region, regionName} = rows;
    const dimensions = rows.readDimensions(fields, line, null);

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
      if (countStatus(cell, column.unit) !== CellStatus.Ok) throw cellError(CellStatus.CountWithSeparator, raw, sink.file, line, column.name);
      if (column.quality >= 0) {
        const quality = cell.applyQuality(fields[column.quality]!);
        if (quality !== QualityStatus.Ok) throw qualityError(quality, fields[column.quality]!, raw, sink.file, line, rows.names[column.quality]!);
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
      if (first !== 0) throw sink.duplicateKey(line, rows.regional ? rows.names[rows.regional.attribute]! : column.name, first, describeKey(period, region, column.variable, dimensions));
      group.cells++;
      if (raw !== "-") group.allDash = false;
      group.records.push({table: sink.table, period, region, region_name: regionName, variable: column.variable, dimensions: {...dimensions}, value: cell.value, unit: column.unit, flag: cell.flag});
    }
    // Once a value is not "-", the group is no absent region: its rows go out now, so memory
    // stays bounded however many rows one region and period have.
    if (!group.allDash) this.emitGroup(group);
  }

  private emitGroup(group: NonNullable<FfcsvLegacyReader["group"]>): void {
    this.sink.recordRows += group.lines.length;
    for (const record of group.records) this.sink.emit(record);
    group.lines = [];
    group.records = [];
  }

  end(): void {
    this.flush();
    this.rows.end(this.variableNames());
  }

  private flush(): void {
    const group = this.group;
    if (!group) return;
    this.group = undefined;
    const sink = this.sink;
    if (group.cells >= 2 && group.allDash && sink.dashRowIsAbsentRegion(group.region, group.period)) {
      for (const line of group.lines) {
        sink.putAside({reason: "all-dash", line, lines: 1, period: group.period, region: group.region, region_name: group.regionName, message: `alle Werte "-": Region ${group.region} ${group.regionName} bestand ${group.period} nicht`});
      }
      return;
    }
    this.emitGroup(group);
  }

  private readHeader(header: string[]): void {
    const sink = this.sink;
    this.rows.readHeader(header, []);
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
      const twin = this.values.find((c) => c.variable === variable);
      // Two columns of one variable would give two values for one key.
      if (twin) throw new InputError({file: sink.file, line: 1, field: name}, "jede Wertvariable in nur einer Spalte", `${variable} in Spalte ${twin.index + 1} und Spalte ${i + 1}`);
      this.values.push({index: i, name, variable, unit, quality: -1});
    });
    if (this.values.length === 0) {
      throw new InputError({file: sink.file, line: 1}, "mindestens eine Wertespalte der Form CODE__Label__Einheit", "keine");
    }
  }
}
