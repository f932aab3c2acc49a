/**
 * Territorial changes of the Kreise since 1995, as far as they matter for the sources in use.
 * The snapshot holds the territorial state of 01.07.2021 (400 Kreise; no change since). Old
 * tables carry dissolved Kreise and, under a current key, an older territory: both are
 * recognised here so that the importer can report them instead of mixing them into a series.
 */

export interface KreisReform {
  /** Day the new territory took effect (ISO). */
  date: string;
  label: string;
  /** Keys that ceased to exist on that day. */
  dissolved: readonly string[];
  /** Current keys whose territory was formed (or changed) on that day. */
  formed: readonly string[];
  /** Of these, keys that existed before with a smaller territory (the same key, a different area). */
  enlarged?: readonly string[];
}

const range = (prefix: string, from: number, to: number, digits = 2): string[] =>
  Array.from({length: to - from + 1}, (_, i) => `${prefix}${String(from + i).padStart(digits, "0")}`);

export const KREIS_REFORMS: readonly KreisReform[] = [
  {date: "2001-11-01", label: "Region Hannover (Stadt und Landkreis Hannover vereinigt)", dissolved: ["03201", "03253"], formed: ["03241"]},
  {
    date: "2007-07-01",
    label: "Kreisgebietsreform Sachsen-Anhalt",
    dissolved: ["15101", "15151", "15153", "15154", "15159", "15171", "15202", "15256", "15260", "15261", "15265", "15266", "15268", "15303", "15352", "15355", "15357", "15358", "15362", "15363", "15364", "15367", "15369", "15370"],
    formed: ["15001", "15002", "15003", ...range("150", 81, 91)]
  },
  {
    date: "2008-08-01",
    label: "Kreisreform Sachsen",
    dissolved: ["14161", "14166", "14167", "14171", "14173", "14177", "14178", "14181", "14182", "14188", "14191", "14193", "14262", "14263", "14264", "14272", "14280", "14284", "14285", "14286", "14287", "14290", "14292", "14365", "14374", "14375", "14379", "14383", "14389"],
    formed: ["14511", "14521", "14522", "14523", "14524", "14612", "14625", "14626", "14627", "14628", "14713", "14729", "14730"]
  },
  {date: "2009-10-21", label: "StädteRegion Aachen (Stadt und Kreis Aachen vereinigt)", dissolved: ["05313", "05354"], formed: ["05334"]},
  {
    date: "2011-09-04",
    label: "Kreisgebietsreform Mecklenburg-Vorpommern",
    dissolved: ["13001", "13002", "13005", "13006", ...range("130", 51, 62)],
    formed: range("130", 71, 76)
  },
  {date: "2016-11-01", label: "Landkreis Göttingen (Landkreise Göttingen und Osterode am Harz vereinigt)", dissolved: ["03152", "03156"], formed: ["03159"]},
  {date: "2021-07-01", label: "Eingliederung der kreisfreien Stadt Eisenach in den Wartburgkreis", dissolved: ["16056"], formed: ["16063"], enlarged: ["16063"]}
];

/** The reform that dissolved a key, if it is a known one. */
export function dissolvedBy(key: string): KreisReform | undefined {
  return KREIS_REFORMS.find((r) => r.dissolved.includes(key));
}

/** The latest reform that formed or changed the territory behind a current key. */
export function formedBy(key: string): KreisReform | undefined {
  return [...KREIS_REFORMS].reverse().find((r) => r.formed.includes(key));
}

/** The first year whose values can refer to the territory a reform created. */
function firstYearAfter(reform: KreisReform): number {
  return Number(reform.date.slice(0, 4)) + (reform.date.slice(5) === "01-01" ? 0 : 1);
}

/**
 * Whether a value of an unharmonised table for `year` refers to an older, smaller territory
 * under the same key (a Kreis that was enlarged later, like the Wartburgkreis in 2021).
 */
export function olderTerritory(key: string, year: number): KreisReform | undefined {
  const reform = [...KREIS_REFORMS].reverse().find((r) => r.enlarged?.includes(key));
  return reform && year < firstYearAfter(reform) ? reform : undefined;
}

/**
 * Whether a key that a reform created has a value for a year before the reform: the table
 * then carries figures recalculated back onto the new territory.
 */
export function backCalculated(key: string, year: number): KreisReform | undefined {
  const reform = formedBy(key);
  return reform && !reform.enlarged?.includes(key) && year < firstYearAfter(reform) ? reform : undefined;
}

/** A German sentence for the import report: why a key is not one of the 400 current Kreise. */
export function describeNonCurrentKey(key: string): string {
  const reform = dissolvedBy(key);
  if (reform) return `aufgelöst am ${germanDate(reform.date)} (${reform.label}; heute ${reform.formed.join(", ")})`;
  return "kein Kreis im Gebietsstand 01.07.2021";
}

export function germanDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}
