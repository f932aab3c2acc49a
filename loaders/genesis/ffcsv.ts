/**
 * The ffcsv layout since 2025 ("GENESIS v5"): English header, one value per row,
 *
 *   statistics_code;statistics_label;time_code;time_label;time;
 *   1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;…;
 *   value;value_unit;value_variable_code;value_variable_label[;value_q]
 *
 * The regional variable (KREISE, GEMEIN, …) gives region and region_name; every other variable
 * becomes a dimension `code → attribute code` ("" for Insgesamt). This is the hot path for files of
 * millions of rows: no regex or per-row closure, period strings cached.
 */
import {InputError} from "../common/errors.ts";
import {CellReader, CellStatus, cellError, isoPeriod, qualityError} from "./values.ts";
import {REGIONAL_VARIABLES, columnIndex, describeKey, requireColumns, type RecordSink, type RowHandler} from "./sink.ts";

interface Variable {
  code: number;
  attribute: number;
  label: number;
}

interface Period {
  period: string;
  h1: number;
  h2: number;
}

export class FfcsvReader implements RowHandler {
  private names: string[] = [];
  private width = 0;
  private time = 0;
  private value = 0;
  private unit = 0;
  private variableColumn = 0;
  private quality = -1;
  private statisticsColumn = 0;
  private variables: Variable[] = [];
  /** The classifying variables (all but the regional one). */
  private classifying: Variable[] = [];
  private regional: Variable | undefined;
  private regionalCode = "";
  private readonly cell = new CellReader();
  /** Periods by raw time, with the key hash after the period (a file has few distinct times). */
  private readonly periods = new Map<string, Period>();

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
    if (count !== this.width) {
      if (count === 1 && fields[0]!.includes(",")) throw new InputError({file: sink.file, line}, "Feldtrenner \";\"", ",");
      throw sink.fieldCount(line, count, this.width, this.names);
    }
    if (!sink.started) this.start(fields, line);

    const hasher = sink.hasher;
    const time = fields[this.time]!;
    const known = this.periods.get(time) ?? this.addPeriod(time, line);
    const period = known.period;
    let region = "";
    let regionName = "";
    const regional = this.regional;
    if (regional) {
      if (fields[regional.code] !== this.regionalCode) {
        throw new InputError({file: sink.file, line, field: this.names[regional.code]}, `Regionalmerkmal "${this.regionalCode}" wie in der ersten Datenzeile`, fields[regional.code]);
      }
      region = fields[regional.attribute]!;
      if (region === "") throw this.missing(line, regional.attribute, "Regionalschlüssel");
      regionName = fields[regional.label]!.trim();
    }
    const variable = fields[this.variableColumn]!;
    if (variable === "") throw this.missing(line, this.variableColumn, "Code der Wertvariablen");

    hasher.restore(known.h1, known.h2);
    hasher.add(region);
    hasher.add(variable);
    const dimensions: Record<string, string> = {};
    const classifying = this.classifying;
    for (let k = 0; k < classifying.length; k++) {
      const v = classifying[k]!;
      const code = fields[v.code]!;
      const attribute = fields[v.attribute]!;
      if (code === "") {
        // A row may leave a classifying variable out entirely; a value without its code is broken.
        if (attribute === "" && fields[v.label] === "") continue;
        throw this.missing(line, v.code, "Merkmalscode");
      }
      dimensions[code] = attribute;
      hasher.add(code);
      hasher.add(attribute);
    }

    const cell = this.cell;
    const raw = fields[this.value]!;
    const status = cell.read(raw);
    if (status !== CellStatus.Ok) throw cellError(status, raw, sink.file, line, "value");
    if (this.quality >= 0 && !cell.applyQuality(fields[this.quality]!)) throw qualityError(fields[this.quality]!, sink.file, line, "value_q");

    const first = sink.firstLineOfKey(line);
    if (first !== 0) throw sink.duplicateKey(line, this.names[regional ? regional.attribute : this.variableColumn]!, first, describeKey(period, region, variable, dimensions));
    sink.recordRows++;
    sink.emit({
      table: sink.table,
      period,
      region,
      region_name: regionName,
      variable,
      dimensions,
      value: cell.value,
      unit: fields[this.unit]!,
      flag: cell.flag
    });
  }

  end(): void {
    this.sink.table ||= this.tableOverride ?? tableFromFileName(this.fileName, "");
    this.sink.begin([], []);
  }

  private readHeader(header: string[]): void {
    const sink = this.sink;
    sink.headerLines = 1;
    const index = columnIndex(header);
    const required = ["statistics_code", "time", "value", "value_unit", "value_variable_code"];
    for (let k = 1; index.has(`${k}_variable_code`) || k === 1; k++) {
      required.push(`${k}_variable_code`, `${k}_variable_attribute_code`, `${k}_variable_attribute_label`);
    }
    requireColumns(index, required, sink.file, "ffcsv ab 2025");
    this.names = header;
    this.width = header.length;
    this.time = index.get("time")!;
    this.value = index.get("value")!;
    this.unit = index.get("value_unit")!;
    this.variableColumn = index.get("value_variable_code")!;
    this.quality = index.get("value_q") ?? -1;
    for (let k = 1; index.has(`${k}_variable_code`); k++) {
      this.variables.push({code: index.get(`${k}_variable_code`)!, attribute: index.get(`${k}_variable_attribute_code`)!, label: index.get(`${k}_variable_attribute_label`)!});
    }
    this.statisticsColumn = index.get("statistics_code")!;
  }

  /** First data row: find the regional variable and the dimension codes. */
  private start(fields: string[], line: number): void {
    const sink = this.sink;
    this.regional = this.variables.find((v) => REGIONAL_VARIABLES.has(fields[v.code]!));
    this.regionalCode = this.regional ? fields[this.regional.code]! : "";
    this.classifying = this.variables.filter((v) => v !== this.regional);
    const statistic = fields[this.statisticsColumn]!;
    if (statistic === "") throw this.missing(line, this.statisticsColumn, "Statistik-Code");
    sink.table = this.tableOverride ?? tableFromFileName(this.fileName, statistic);
    const dimensions = this.classifying.map((v) => fields[v.code]!).filter((code) => code !== "");
    sink.begin(dimensions, []);
  }

  private addPeriod(time: string, line: number): Period {
    if (time === "") throw this.missing(line, this.time, "Zeitangabe");
    const hasher = this.sink.hasher;
    const period = isoPeriod(time);
    hasher.reset();
    hasher.add(period);
    const known = {period, h1: hasher.h1, h2: hasher.h2};
    this.periods.set(time, known);
    return known;
  }

  private missing(line: number, column: number, what: string): InputError {
    return new InputError({file: this.sink.file, line, field: this.names[column]}, what, "");
  }
}

/**
 * The table code from a file name such as "12211-Z-11_1773175349407_de_flat.csv" or
 * "12411-01-01-4_flat.csv" (the service names files after the table). Falls back to the statistic.
 */
export function tableFromFileName(fileName: string, statistic: string): string {
  const base = fileName.replace(/^.*[\\/]/, "");
  const match = /^(\d{5}-[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)(?=[_.]|$)/.exec(base);
  if (match && (statistic === "" || match[1]!.startsWith(`${statistic}-`))) return match[1]!;
  return statistic;
}
