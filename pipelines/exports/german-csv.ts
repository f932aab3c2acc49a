/**
 * German CSV for `kbm export` and the analyst downloads. The writer lives in
 * src/shared/german-csv.ts (Framework bundles only files under src/, and the download buttons on
 * the pages use the same rules); this module keeps the pipelines' import path.
 */
export {
  BOM,
  NEWLINE,
  SEPARATOR,
  formatGermanCell,
  formatGermanNumber,
  germanCsv,
  germanCsvBytes,
  germanCsvFromRecords,
  neutraliseFormula,
  parseGermanCsv,
  parseGermanNumber,
  type CsvCell
} from "../../src/shared/german-csv.ts";
