/**
 * What the two flat layouts (ffcsv since 2025, ffcsv until 2024) share: the numbered variable
 * columns of the header, the regional variable found in the first data row, and the checks every
 * data row passes before its values are read (field count, region key, classifying attributes).
 * ffcsv.ts and ffcsv-legacy.ts differ only in their header names and in how values are laid out.
 */
import {InputError} from "../common/errors.ts";
import type {KeyHasher} from "./keys.ts";
import {REGIONAL_VARIABLES, columnIndex, requireColumns, type RecordSink} from "./sink.ts";

interface Variable {
  code: number;
  attribute: number;
  label: number;
}

/** Header names of one flat layout. */
export interface FlatNames {
  /** Layout name for error messages ("ffcsv ab 2025"). */
  layout: string;
  statistics: string;
  time: string;
  /** Names of the k-th variable's code, attribute code and attribute label columns. */
  variable(k: number): [code: string, attribute: string, label: string];
  /** Trim region keys and attribute codes (the legacy layout indents them). */
  trim: boolean;
}

export class FlatRows {
  names: string[] = [];
  width = 0;
  time = 0;
  /** The region of the row read last by readRegion(). */
  region = "";
  regionName = "";
  regional: Variable | undefined;
  private statisticsColumn = 0;
  private variables: Variable[] = [];
  /** The classifying variables (all but the regional one). */
  private classifying: Variable[] = [];
  private regionalCode = "";

  constructor(
    readonly sink: RecordSink,
    private readonly layout: FlatNames,
    private readonly fileName: string,
    private readonly tableOverride: string | undefined
  ) {}

  /** Reads the header's fixed and variable columns; `extra` names further required columns. Returns the column index. */
  readHeader(header: string[], extra: readonly string[]): Map<string, number> {
    const sink = this.sink;
    sink.headerLines = 1;
    const index = columnIndex(header, sink.file);
    const {layout} = this;
    const required = [layout.statistics, layout.time, ...extra];
    for (let k = 1; index.has(layout.variable(k)[0]) || k === 1; k++) required.push(...layout.variable(k));
    requireColumns(index, required, sink.file, layout.layout);
    this.names = header;
    this.width = header.length;
    this.time = index.get(layout.time)!;
    this.statisticsColumn = index.get(layout.statistics)!;
    for (let k = 1; index.has(layout.variable(k)[0]); k++) {
      const [code, attribute, label] = layout.variable(k);
      this.variables.push({code: index.get(code)!, attribute: index.get(attribute)!, label: index.get(label)!});
    }
    return index;
  }

  /**
   * The checks before a data row's values: false for a blank line; otherwise the row is counted,
   * its field count checked, and the first data row fixes the regional variable and the table.
   */
  accept(fields: string[], count: number, line: number, variables: () => string[]): boolean {
    if (count === 1 && fields[0] === "") return false;
    const sink = this.sink;
    sink.dataRows++;
    if (count !== this.width) {
      if (count === 1 && fields[0]!.includes(",")) throw new InputError({file: sink.file, line}, "Feldtrenner \";\"", ",");
      throw sink.fieldCount(line, count, this.width, this.names);
    }
    if (!sink.started) this.start(fields, line, variables());
    return true;
  }

  /** Sets `region` and `regionName` from the regional variable ("" when the file has none). */
  readRegion(fields: string[], line: number): void {
    const regional = this.regional;
    if (!regional) {
      this.region = "";
      this.regionName = "";
      return;
    }
    if (fields[regional.code] !== this.regionalCode) {
      throw new InputError({file: this.sink.file, line, field: this.names[regional.code]}, `Regionalmerkmal "${this.regionalCode}" wie in der ersten Datenzeile`, fields[regional.code]);
    }
    const region = this.layout.trim ? fields[regional.attribute]!.trim() : fields[regional.attribute]!;
    if (region === "") throw this.missing(line, regional.attribute, "Regionalschlüssel");
    this.region = region;
    this.regionName = fields[regional.label]!.trim();
  }

  /** The classifying attributes of the row (code → attribute code), hashed into `hasher` when given. */
  readDimensions(fields: string[], line: number, hasher: KeyHasher | null): Record<string, string> {
    const dimensions: Record<string, string> = {};
    const classifying = this.classifying;
    const trim = this.layout.trim;
    for (let k = 0; k < classifying.length; k++) {
      const v = classifying[k]!;
      const code = fields[v.code]!;
      const attribute = trim ? fields[v.attribute]!.trim() : fields[v.attribute]!;
      if (code === "") {
        // A row may leave a classifying variable out entirely; a value without its code is broken.
        if (attribute === "" && fields[v.label]!.trim() === "") continue;
        throw this.missing(line, v.code, "Merkmalscode");
      }
      // The same variable in two columns would keep only the second attribute: rows that
      // differ in the first would collapse into one key with different values.
      if (Object.hasOwn(dimensions, code) || code === this.regionalCode) throw this.sameVariableTwice(fields, line, v.code);
      dimensions[code] = attribute;
      if (hasher) {
        hasher.add(code);
        hasher.add(attribute);
      }
    }
    return dimensions;
  }

  /** At the end of the file: the table code from the file name if no row gave it, and the header for a header-only file. */
  end(variables: string[]): void {
    this.sink.table ||= this.tableOverride ?? tableFromFileName(this.fileName, "");
    this.sink.begin([], variables);
  }

  /** The error for a variable code that another column of the row also holds. */
  private sameVariableTwice(fields: string[], line: number, column: number): InputError {
    const code = fields[column]!;
    const other = this.variables.find((v) => v.code !== column && fields[v.code] === code)!.code;
    const [a, b] = [other, column].sort((x, y) => x - y);
    return new InputError({file: this.sink.file, line, field: this.names[column]}, "jedes Merkmal in nur einer Spalte", `${code} in ${this.names[a!]} und ${this.names[b!]}`);
  }

  missing(line: number, column: number, what: string): InputError {
    return new InputError({file: this.sink.file, line, field: this.names[column]}, what, "");
  }

  /** First data row: find the regional variable, the dimension codes and the table. */
  private start(fields: string[], line: number, variables: string[]): void {
    const sink = this.sink;
    this.regional = this.variables.find((v) => REGIONAL_VARIABLES.has(fields[v.code]!));
    this.regionalCode = this.regional ? fields[this.regional.code]! : "";
    this.classifying = this.variables.filter((v) => v !== this.regional);
    const statistic = fields[this.statisticsColumn]!;
    if (statistic === "") throw this.missing(line, this.statisticsColumn, "Statistik-Code");
    sink.table = this.tableOverride ?? tableFromFileName(this.fileName, statistic);
    const dimensions = this.classifying.map((v) => fields[v.code]!).filter((code) => code !== "");
    sink.begin(dimensions, variables);
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
