/**
 * A Regionaldatenbank table download (the GENESIS "csv" table layout) read with the project's
 * GENESIS parser, as cells by row: region, period and row label (the school type in 21111-01-03-4)
 * → column label → value and flag. The caller says which regions existed: their all-`-` rows are
 * real zeros (no vocational school in the Kreis); all-`-` rows of other keys are set aside.
 */
import {parseGenesisFile, type GenesisFlag, type SetAsideRow} from "../genesis/index.ts";
import {InputError} from "../common/errors.ts";

export interface Cell {
  value: number | null;
  flag: GenesisFlag | null;
}

export interface TableRow {
  period: string;
  region: string;
  region_name: string;
  /** The extra row label ("Gymnasien"), "" when the table has none. */
  stub: string;
  cells: Map<string, Cell>;
}

export interface RegionaldatenbankTable {
  table: string;
  rows: TableRow[];
  /** All-`-` rows of regions that did not exist (with their line). */
  setAside: SetAsideRow[];
}

export async function readRegionaldatenbankTable(path: string, label: string, regionExisted: (region: string, period: string) => boolean): Promise<RegionaldatenbankTable> {
  const rows = new Map<string, TableRow>();
  const setAside: SetAsideRow[] = [];
  const summary = await parseGenesisFile(path, {
    file: label,
    regionExisted,
    onSetAside: (row) => {
      if (row.reason === "all-dash") setAside.push(row);
    },
    onRecord: (r) => {
      const stub = r.dimensions.stub_1 ?? "";
      const key = `${r.region}|${r.period}|${stub}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = {period: r.period, region: r.region, region_name: r.region_name, stub, cells: new Map()}));
      row.cells.set(r.variable, {value: r.value, flag: r.flag});
    }
  });
  if (summary.layout !== "table") throw new InputError({file: label, line: 1}, "eine Tabelle der Regionaldatenbank (\"GENESIS-Tabelle:\" oder \"Tabelle:\")", summary.layout);
  return {table: summary.table, rows: [...rows.values()], setAside};
}

/** The cell of a column; a missing column is an error naming the file and the label expected. */
export function cellOf(row: TableRow, labels: readonly string[], file: string): Cell {
  for (const label of labels) {
    const cell = row.cells.get(label);
    if (cell) return cell;
  }
  throw new InputError({file, field: labels[0]}, `Spalte "${labels.join("\" oder \"")}" (Zeile ${row.region} ${row.period}${row.stub ? ` ${row.stub}` : ""})`, [...row.cells.keys()].slice(0, 4).join(" | "));
}
