/**
 * The ffcsv layout since 2025 ("GENESIS v5"): English header, one value per row,
 *
 *   statistics_code;statistics_label;time_code;time_label;time;
 *   1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;…;
 *   value;value_unit;value_variable_code;value_variable_label[;value_q]
 *
 * The regional variable (KREISE, GEMEIN, …) gives region and region_name; every other variable
 * becomes a dimension `code → attribute code` ("" for Insgesamt). The row checks shared with the
 * legacy layout are in flat-rows.ts. This is the hot path for files of millions of rows: no regex
 * or per-row closure, period strings cached.
 */
import {CellReader, CellStatus, QualityStatus, cellError, isoPeriod, qualityError, countStatus} from "./values.ts";
import {FlatRows, type FlatNames} from "./flat-rows.ts";
import {describeKey, type RecordSink, type RowHandler} from "./sink.ts";

export {tableFromFileName} from "./flat-rows.ts";

const NAMES: FlatNames = {
  layout: "ffcsv ab 2025",
  statistics: "statistics_code",
  time: "time",
  variable: (k) => [`${k}_variable_code`, `${k}_variable_attribute_code`, `${k}_variable_attribute_label`],
  trim: false
};
const NO_VARIABLES = (): string[] => [];

interface Period {
  period: string;
  h1: number;
  h2: number;
}

export class FfcsvReader implements RowHandler {
  private readonly rows: FlatRows;
  private value = 0;
  private unit = 0;
  private variableColumn = 0;
  private quality = -1;
  private readonly cell = new CellReader();
  /** Periods by raw time, with the key hash after the period (a file has few distinct times). */
  private readonly periods = new Map<string, Period>();

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
    if (!rows.accept(fields, count, line, NO_VARIABLES)) return;
    const sink = this.sink;

    const hasher = sink.hasher;
    const time = fields[rows.time]!;
    const known = this.periods.get(time) ?? this.addPeriod(time, line);
    const period = known.period;
    rows.readRegion(fields, line);
    const region = rows.region;
    const variable = fields[this.variableColumn]!;
    if (variable === "") throw rows.missing(line, this.variableColumn, "Code der Wertvariablen");

    hasher.restore(known.h1, known.h2);
    hasher.add(region);
    hasher.add(variable);
    const dimensions = rows.readDimensions(fields, line, hasher);

    const cell = this.cell;
    const raw = fields[this.value]!;
    const status = cell.read(raw);
    if (status !== CellStatus.Ok) throw cellError(status, raw, sink.file, line, "value");
    if (countStatus(cell, fields[this.unit]!) !== CellStatus.Ok) throw cellError(CellStatus.CountWithSeparator, raw, sink.file, line, "value");
    if (this.quality >= 0) {
      const quality = cell.applyQuality(fields[this.quality]!);
      if (quality !== QualityStatus.Ok) throw qualityError(quality, fields[this.quality]!, raw, sink.file, line, "value_q");
    }

    const first = sink.firstLineOfKey(line);
    if (first !== 0) throw sink.duplicateKey(line, rows.names[rows.regional ? rows.regional.attribute : this.variableColumn]!, first, describeKey(period, region, variable, dimensions));
    sink.recordRows++;
    sink.emit({
      table: sink.table,
      period,
      region,
      region_name: rows.regionName,
      variable,
      dimensions,
      value: cell.value,
      unit: fields[this.unit]!,
      flag: cell.flag
    });
  }

  end(): void {
    this.rows.end([]);
  }

  private readHeader(header: string[]): void {
    const index = this.rows.readHeader(header, ["value", "value_unit", "value_variable_code"]);
    this.value = index.get("value")!;
    this.unit = index.get("value_unit")!;
    this.variableColumn = index.get("value_variable_code")!;
    this.quality = index.get("value_q") ?? -1;
  }

  private addPeriod(time: string, line: number): Period {
    if (time === "") throw this.rows.missing(line, this.rows.time, "Zeitangabe");
    const hasher = this.sink.hasher;
    const period = isoPeriod(time);
    hasher.reset();
    hasher.add(period);
    const known = {period, h1: hasher.h1, h2: hasher.h2};
    this.periods.set(time, known);
    return known;
  }
}
