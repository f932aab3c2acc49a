/**
 * The report draft as data: a list of blocks (headings, paragraphs, lists, numbered tables and
 * figures) that the Markdown, HTML and DOCX writers render the same way. No DOM, no Node:
 * the CLI (`kbm bericht`) and the profile's buttons build the same draft from the same input.
 */
import type {ProfileFile} from "../../../pipelines/exports/profile-file.ts";
import type {Indicator, Source} from "../../../pipelines/snapshot/format.ts";
import type {TrendRow} from "../charts/trend-chart.js";

export interface ReportInput {
  /** The region's profile file (profiles.zip on the site; the same SQL for the CLI). */
  file: ProfileFile;
  /** The comparison group's id; one of file.region.groups. */
  groupId: string;
  /** The whole indicator registry (what could exist, not only what the region has). */
  catalog: Indicator[];
  sources: Source[];
  /** GENESIS tables `kbm pull` understands and the registry indicators each fills. */
  pullTables: {table: string; indicators: string[]}[];
  /** When the warehouse was built (ISO date), shown on the title page. */
  builtAt: string | null;
}

export type Block =
  | {kind: "title"; text: string; lines: string[]}
  | {kind: "heading"; level: 1 | 2 | 3; text: string}
  | {kind: "paragraph"; text: string}
  | {kind: "list"; items: string[]}
  | {kind: "table"; number: number; caption: string; header: string[]; rows: string[][]; note: string | null}
  | {kind: "figure"; number: number; caption: string; alt: string; chart: FigureChart};

/** One year of a figure: the shared trend chart's row. */
export type ChartPoint = TrendRow;

/** What the shared trend chart needs to draw one figure. */
export interface FigureChart {
  points: ChartPoint[];
  unit: string;
  decimals: number;
  regionName: string;
  /** "Median Großstädte" */
  medianLabel: string;
  landName: string | null;
  /** Source changes, drawn as labelled rules the lines do not cross. */
  breaks: {year: number; label: string}[];
}

export interface Report {
  /** File name stem: "Bildungsbericht-Entwurf_05315_Koeln". */
  fileStem: string;
  title: string;
  regionName: string;
  groupName: string;
  blocks: Block[];
}

export type FigureBlock = Extract<Block, {kind: "figure"}>;
export type TableBlock = Extract<Block, {kind: "table"}>;

/** The figures of a report, in order (the writers take one PNG per figure number). */
export function reportFigures(report: Report): FigureBlock[] {
  return report.blocks.filter((b): b is FigureBlock => b.kind === "figure");
}

/** A rendered figure: PNG bytes and its size in CSS pixels. */
export interface FigureImage {
  png: Uint8Array;
  width: number;
  height: number;
}
