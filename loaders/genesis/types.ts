/**
 * Types of the GENESIS file parser: the tidy record it emits, the summary it returns and the
 * callbacks it drives. The parser itself lives in parse.ts.
 */

/** The three GENESIS file layouts. */
export type GenesisLayout =
  /** ffcsv since 2025: English header, long format, one value per row. */
  | "ffcsv"
  /** ffcsv until 2024: German header, wide value columns `CODE__Label__Unit`. */
  | "ffcsv-legacy"
  /** "csv" table layout: title block, stacked column headers, data rows, footnotes. */
  | "table";

/** How the bytes were decoded. A pure-ASCII file reports "utf-8". */
export type TextEncodingName = "utf-8-bom" | "utf-8" | "windows-1252";

/**
 * Special values and quality marks. Value-replacing symbols come with `value: null` except `-`
 * (nothing, exactly zero → 0). `()`, `p`, `r`, `s`, `e` keep the value.
 */
export type GenesisFlag = "-" | "." | "..." | "/" | "x" | "()" | "p" | "r" | "s" | "e";

export interface GenesisRecord {
  /** Table code ("21111-02-06-4"), or the statistic ("12411") when the table is unknown. */
  table: string;
  /** "2015" (year or school year as the source labels it) or an ISO date "2024-12-31". */
  period: string;
  /** Region key as in the file: "05315", "DG", "051", "11001001"; "" if the file has no regional variable. */
  region: string;
  region_name: string;
  /** Value variable code ("BEVSTD"), or the stacked column label in the table layout. */
  variable: string;
  /** Classifying variable code → attribute code ("" = Insgesamt); table layout: extra row-label columns. */
  dimensions: Record<string, string>;
  value: number | null;
  unit: string;
  flag: GenesisFlag | null;
}

/** Why a data row produced no records. */
export type SetAsideReason =
  /**
   * Every value cell is `-` and the caller does not know the region as existing in that period
   * (`regionExisted`): a region that did not exist then (old layouts only).
   */
  | "all-dash"
  /** The footnote block after `__________` in the table layout (one entry for the block). */
  | "footnotes";

export interface SetAsideRow {
  reason: SetAsideReason;
  /** First physical line (1-based). */
  line: number;
  /** Number of physical lines covered (1 for a data row, the block length for footnotes). */
  lines: number;
  period?: string;
  region?: string;
  region_name?: string;
  /** German explanation for reports. */
  message: string;
}

/** What is known once the header (and, for ffcsv, the first data row) has been read. */
export interface ParseHeader {
  file: string;
  layout: GenesisLayout;
  table: string;
  /**
   * Dimension codes in record order, known before the first record. ffcsv: the classifying
   * variable codes of the first data row; table: the extra row-label columns.
   */
  dimensions: string[];
  /** Value variables when the header names them (ffcsv-legacy, table); empty for ffcsv. */
  variables: string[];
}

export interface ParseSummary {
  file: string;
  layout: GenesisLayout;
  encoding: TextEncodingName;
  table: string;
  /** Records emitted. */
  records: number;
  /** Data rows read (not counting header, title and footnote lines). */
  dataRows: number;
  /** Data rows that produced records; recordRows + setAsideRows === dataRows. */
  recordRows: number;
  /** Data rows set aside (reason "all-dash"). */
  setAsideRows: number;
  /** Everything set aside, with reasons: data rows and the footnote block. */
  setAside: SetAsideRow[];
  /** Lines before the first data row (title block and column headers). */
  headerLines: number;
  /** Lines from `__________` to the end (table layout). */
  footerLines: number;
  /** True when the file has a header but no data row. */
  headerOnly: boolean;
  /** Name of the CSV member when the input was a zip archive. */
  zipMember?: string;
}

export interface ParseHandlers {
  /** Called once, before the first record (or at the end of a header-only file). */
  onHeader?(header: ParseHeader): void;
  onRecord?(record: GenesisRecord): void;
  onSetAside?(row: SetAsideRow): void;
  /**
   * Called after each input chunk has been parsed. A returned promise is awaited before the next
   * chunk is read, so a slow consumer (e.g. a full stdout pipe) holds the parser back.
   */
  onChunk?(): void | Promise<void>;
}

export interface ParseOptions extends ParseHandlers {
  /** Overrides the table code taken from the file (table layout) or its name (ffcsv). */
  table?: string;
  /**
   * Whether the region existed in the period. An all-`-` row of a region that existed is real
   * (e.g. no vocational school in the Kreis: zeros); of any other region it is set aside as a
   * region that did not exist. Without it, every all-`-` row is set aside.
   */
  regionExisted?(region: string, period: string): boolean;
}
