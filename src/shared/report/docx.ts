/**
 * The draft as an editable Word document, written with the `docx` library: Word's own heading
 * styles (navigation pane, table of contents), real tables with a repeating header row, figures
 * as PNG with alt text, captions in Word's "Caption" style. Runs in Node and in the browser.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild
} from "docx";
import type {Block, FigureImage, Report} from "./model.js";

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;
/** Text width of an A4 page with 2.5 cm margins, in pixels at 96 dpi (≈ 16 cm). */
const TEXT_WIDTH_PX = 605;
const BORDER = {style: BorderStyle.SINGLE, size: 4, color: "BBBBBB"};

function table(b: Extract<Block, {kind: "table"}>): (Paragraph | Table)[] {
  const cell = (text: string, k: number, header: boolean) =>
    new TableCell({
      children: [new Paragraph({alignment: k === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT, spacing: {before: 0, after: 0}, children: [new TextRun({text, bold: header, size: 18})]})],
      shading: header ? {type: ShadingType.CLEAR, fill: "EEF2F6", color: "auto"} : undefined,
      margins: {top: 30, bottom: 30, left: 80, right: 80}
    });
  return [
    new Paragraph({style: "Caption", keepNext: true, children: [new TextRun(b.caption)]}),
    new Table({
      width: {size: 100, type: WidthType.PERCENTAGE},
      borders: {top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER},
      rows: [
        new TableRow({tableHeader: true, children: b.header.map((h, k) => cell(h, k, true))}),
        ...b.rows.map((r) => new TableRow({cantSplit: true, children: r.map((c, k) => cell(c, k, false))}))
      ]
    }),
    ...(b.note ? [new Paragraph({style: "TableNote", children: [new TextRun(b.note)]})] : [new Paragraph({})])
  ];
}

function figure(b: Extract<Block, {kind: "figure"}>, image: FigureImage | undefined): Paragraph[] {
  const children: ParagraphChild[] = [];
  if (image) {
    const scale = Math.min(1, TEXT_WIDTH_PX / image.width);
    children.push(
      new ImageRun({
        type: "png",
        data: image.png,
        transformation: {width: Math.round(image.width * scale), height: Math.round(image.height * scale)},
        altText: {name: `Abbildung ${b.number}`, title: b.caption, description: b.alt}
      })
    );
  } else {
    children.push(new TextRun({text: `Bildbeschreibung: ${b.alt}`, italics: true}));
  }
  return [new Paragraph({keepNext: true, children}), new Paragraph({style: "Caption", children: [new TextRun(b.caption)]})];
}

function blocks(report: Report, figures: Map<number, FigureImage>): (Paragraph | Table | TableOfContents)[] {
  const out: (Paragraph | Table | TableOfContents)[] = [];
  for (const b of report.blocks) {
    switch (b.kind) {
      case "title":
        out.push(new Paragraph({heading: HeadingLevel.TITLE, children: [new TextRun(b.text)]}));
        for (const line of b.lines) out.push(new Paragraph({style: "TitleLine", children: [new TextRun(line)]}));
        out.push(new Paragraph({children: [new PageBreak()]}));
        out.push(new Paragraph({style: "TocHeading", children: [new TextRun("Inhalt")]}));
        out.push(new TableOfContents("Inhalt", {hyperlink: true, headingStyleRange: "1-2"}));
        out.push(new Paragraph({children: [new PageBreak()]}));
        break;
      case "heading":
        // Chapters start on a new page; their sections flow.
        out.push(new Paragraph({heading: HEADINGS[b.level - 1], pageBreakBefore: b.level === 1, children: [new TextRun(b.text)]}));
        break;
      case "paragraph":
        out.push(new Paragraph({children: [new TextRun(b.text)]}));
        break;
      case "list":
        for (const item of b.items) out.push(new Paragraph({bullet: {level: 0}, children: [new TextRun(item)]}));
        break;
      case "table":
        out.push(...table(b));
        break;
      case "figure":
        out.push(...figure(b, figures.get(b.number)));
        break;
    }
  }
  return out;
}

export function reportDocument(report: Report, figures: Map<number, FigureImage> = new Map()): Document {
  return new Document({
    creator: "Kommunaler Bildungsmonitor",
    title: report.title,
    description: `Automatisch erzeugter Entwurf für ${report.regionName}, Vergleichsgruppe ${report.groupName}`,
    // Word fills the table of contents when it opens the file (it asks once).
    features: {updateFields: true},
    styles: {
      default: {
        document: {run: {font: "Arial", size: 21, language: {value: "de-DE"}}, paragraph: {spacing: {after: 120}}},
        title: {run: {font: "Arial", size: 48, bold: true, color: "1B5E9E"}, paragraph: {spacing: {before: 2400, after: 480}}},
        heading1: {run: {font: "Arial", size: 32, bold: true, color: "1B5E9E"}, paragraph: {spacing: {before: 240, after: 180}, keepNext: true}},
        heading2: {run: {font: "Arial", size: 26, bold: true, color: "222222"}, paragraph: {spacing: {before: 300, after: 120}, keepNext: true}},
        heading3: {run: {font: "Arial", size: 22, bold: true}, paragraph: {spacing: {before: 200, after: 80}, keepNext: true}}
      },
      paragraphStyles: [
        {id: "Caption", name: "Caption", basedOn: "Normal", next: "Normal", quickFormat: true, run: {size: 18, bold: true, color: "333333"}, paragraph: {spacing: {before: 80, after: 200}}},
        {id: "TableNote", name: "Table Note", basedOn: "Normal", next: "Normal", run: {size: 16, color: "444444"}, paragraph: {spacing: {before: 60, after: 240}}},
        {id: "TitleLine", name: "Title Line", basedOn: "Normal", next: "Normal", run: {size: 24}, paragraph: {spacing: {after: 200}}},
        {id: "TocHeading", name: "TOC Heading", basedOn: "Normal", next: "Normal", run: {size: 32, bold: true, color: "1B5E9E"}, paragraph: {spacing: {after: 240}}}
      ]
    },
    sections: [
      {
        properties: {page: {size: {width: 11906, height: 16838}, margin: {top: 1418, bottom: 1418, left: 1418, right: 1418}}},
        children: blocks(report, figures)
      }
    ]
  });
}

/** DOCX bytes (Node and browser). */
export async function reportDocx(report: Report, figures: Map<number, FigureImage> = new Map()): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(report, figures)));
}
