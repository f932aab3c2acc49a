/** The empty template and a short filled example, as the page offers them for download. */
import {germanCsv} from "../german-csv.js";
import {DATA_COLUMNS, DATA_OPTIONAL, META_COLUMNS} from "./schema.js";

export function dataTemplate(): string {
  return germanCsv(
    [...DATA_COLUMNS, ...DATA_OPTIONAL],
    [
      ["01", "Altstadt", "sprachfoerderbedarf", "2023", "23,5", "47", "200", ""],
      ["02", "Neustadt", "sprachfoerderbedarf", "2023", ".", "", "", "geheim gehalten"],
      ["03", "Hafen", "sprachfoerderbedarf", "2023", "13,3", "2", "15", "Fallzahl unter 3: wird ausgeblendet"]
    ]
  );
}

export function metaTemplate(): string {
  return germanCsv(META_COLUMNS, [["sprachfoerderbedarf", "Kinder mit Sprachförderbedarf bei der Einschulungsuntersuchung", "%", "Anteil der untersuchten Kinder mit Sprachförderbedarf", "Gesundheitsamt, Einschulungsuntersuchung", "Schuljahr 2023/24", "hoch_schlecht"]]);
}
