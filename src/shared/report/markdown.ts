/**
 * The draft as Markdown: the same blocks and words as the DOCX. Figures are image links when the
 * caller writes their PNGs beside the file (kbm bericht --out), else caption and description only.
 */
import type {Block, Report} from "./model.js";

export interface MarkdownOptions {
  /** Figure number → relative image path; figures without one are written as text. */
  imagePath?: (number: number) => string | null;
}

/** Escapes what would turn text into Markdown markup (tables use "|", emphasis "*" and "_"). */
function escape(text: string): string {
  return text.replace(/([\\`*_[\]|<>#])/g, "\\$1");
}

function block(b: Block, options: MarkdownOptions): string {
  switch (b.kind) {
    case "title":
      return `# ${escape(b.text)}\n\n${b.lines.map((l) => escape(l)).join("\n\n")}\n`;
    case "heading":
      return `${"#".repeat(b.level + 1)} ${escape(b.text)}\n`;
    case "paragraph":
      return `${escape(b.text)}\n`;
    case "list":
      return b.items.map((i) => `- ${escape(i)}`).join("\n") + "\n";
    case "table": {
      const row = (cells: string[]) => `| ${cells.map(escape).join(" | ")} |`;
      const align = b.header.map((_, k) => (k === 0 ? "---" : "---:"));
      const lines = [`**${escape(b.caption)}**`, "", row(b.header), `| ${align.join(" | ")} |`, ...b.rows.map(row)];
      if (b.note) lines.push("", `*${escape(b.note)}*`);
      return lines.join("\n") + "\n";
    }
    case "figure": {
      const path = options.imagePath?.(b.number) ?? null;
      const image = path ? `![${escape(b.alt)}](${path})\n\n` : `Bildbeschreibung: ${escape(b.alt)}\n\n`;
      return `${image}*${escape(b.caption)}*\n`;
    }
  }
}

export function reportMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return report.blocks.map((b) => block(b, options)).join("\n");
}
