/** One measured figure with its goal; goals are printed next to the figures, never asserted. */
export interface Figure {
  key: string;
  value: number | null;
  unit: string;
  /** e.g. "≤ 5"; absent when there is no goal. */
  target?: string;
  /** How it was measured, or why it is missing. */
  note: string;
}

export interface BenchContext {
  root: string;
  /** A temp folder for this run; deleted afterwards. */
  tmp: string;
  /** Rows of the generated ffcsv (default 5,000,000). */
  rows: number;
  /** Repetitions for the short measurements (median is reported). */
  repeat: number;
  log: (message: string) => void;
}

export interface Measurement {
  /** The keys this module produces. */
  keys: string[];
  run(context: BenchContext): Promise<Figure[]>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
