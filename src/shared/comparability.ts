/**
 * What makes two values of one indicator comparable over time (issue 11 §6): the kind of
 * reference (an annual average is not an October value), the precision (a count rounded to
 * 100 is not an exact count) and the population basis (Zensus 2011 vs Zensus 2022). The
 * registry records these per source and year range; the warehouse computes a change only
 * between values that agree and otherwise writes the reason built from the labels here.
 * Lives under src/ so that pages can show the same words; the pipelines import it from here.
 */

/** How a value relates to time. */
export const REFERENCE_KINDS = [
  "annual_average", // Jahresdurchschnitt (e.g. unemployment rates of the BA)
  "reference_date", // Stichtag (31.12., 01.03., 30.06. …)
  "school_year", // Schuljahr (leavers at the end of the school year)
  "month", // the value of one month (October 2023 in the EW 2024 Strukturdaten)
  "semester", // Wintersemester
  "calendar_year" // a whole calendar year's total or mean (income)
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export const REFERENCE_KIND_LABELS: Record<ReferenceKind, string> = {
  annual_average: "Jahresdurchschnitt",
  reference_date: "Stichtag",
  school_year: "Schuljahr",
  month: "Monatswert",
  semester: "Semester",
  calendar_year: "Kalenderjahr"
};

/** The population a value or its denominator rests on; changes never cross a basis. */
export const POPULATION_BASES = ["zensus2011", "zensus2022", "einwohnerregister"] as const;
export type PopulationBasis = (typeof POPULATION_BASES)[number];

export const POPULATION_BASIS_LABELS: Record<PopulationBasis, string> = {
  zensus2011: "Basis Zensus 2011",
  zensus2022: "Basis Zensus 2022",
  einwohnerregister: "Einwohnerregister"
};

/**
 * One stretch of an indicator's series: which observations it applies to and how they were
 * measured. The first entry whose source and years match an observation applies; every
 * indicator ends with an entry that has `source_id: null` and no year bounds.
 */
export interface SeriesComparability {
  /** Observations of this source; null = any source. */
  source_id: string | null;
  /** First and last year (inclusive) the entry applies to; null = open. */
  from: number | null;
  to: number | null;
  reference: ReferenceKind;
  /** Which date, month or semester within the kind, e.g. "31.12.", "01.03.", "Oktober"; "" when the kind says it all. */
  reference_at: string;
  /** Rounding step of the published value in the indicator's unit: 1 = exact count, 100 = rounded to hundreds, 0.01 = two decimals. */
  precision: number;
  /** The population basis of the value or its denominator; null when no population count enters it. */
  basis: PopulationBasis | null;
}

/** The population basis part of a comparability entry, as profile files carry it. */
export type SeriesBasis = Pick<SeriesComparability, "source_id" | "from" | "to" | "basis">;

/** The basis of one value: the first entry whose source and years match; undefined when none does. */
export function basisOf(bases: readonly SeriesBasis[], source: string | null, year: number): PopulationBasis | null | undefined {
  const entry = bases.find((b) => (b.source_id === null || b.source_id === source) && (b.from === null || year >= b.from) && (b.to === null || year <= b.to));
  return entry ? entry.basis : undefined;
}

/** "Monatswert (Oktober)", "Stichtag 31.12.", "Jahresdurchschnitt". */
export function referenceLabel(kind: ReferenceKind, at: string): string {
  const label = REFERENCE_KIND_LABELS[kind];
  if (at === "") return label;
  return kind === "reference_date" ? `${label} ${at}` : `${label} (${at})`;
}

/** "genau", "auf 100 gerundet", "auf 1 Nachkommastelle gerundet". */
export function precisionLabel(precision: number): string {
  if (precision === 1) return "genau";
  if (precision > 1) return `auf ${precision.toLocaleString("de-DE")} gerundet`;
  const digits = Math.round(-Math.log10(precision));
  return `auf ${digits} Nachkommastelle${digits === 1 ? "" : "n"} gerundet`;
}

export function basisLabel(basis: PopulationBasis | null): string {
  return basis === null ? "ohne Bevölkerungsbezug" : POPULATION_BASIS_LABELS[basis];
}

/**
 * Two precisions are comparable when they are equal, or when both are at least as fine as the
 * figure a page shows (10^-decimals): a change of a share given to 0.01 against one given to
 * 0.1 is exact to what is shown; 2021's exact count against 2022's count rounded to 100 is not.
 */
export function precisionsComparable(a: number, b: number, decimals: number): boolean {
  const shown = 10 ** -decimals;
  return a === b || Math.max(a, b) <= shown + 1e-12;
}
