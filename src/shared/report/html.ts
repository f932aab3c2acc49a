/** The draft as one self-contained HTML file: the same blocks as the DOCX, figures as data: URLs. */
import type {Block, FigureImage, Report} from "./model.js";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function block(b: Block, figures: Map<number, FigureImage>): string {
  switch (b.kind) {
    case "title":
      return `<header class="title-page"><h1>${esc(b.text)}</h1>${b.lines.map((l) => `<p>${esc(l)}</p>`).join("")}</header>`;
    case "heading":
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case "paragraph":
      return `<p>${esc(b.text)}</p>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`;
    case "table":
      return `<table id="tabelle-${b.number}"><caption>${esc(b.caption)}</caption><thead><tr>${b.header.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c, k) => (k === 0 ? `<th scope="row">${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join("")}</tr>`)
        .join("")}</tbody></table>${b.note ? `<p class="note">${esc(b.note)}</p>` : ""}`;
    case "figure": {
      const image = figures.get(b.number);
      const img = image ? `<img src="data:image/png;base64,${base64(image.png)}" width="${image.width}" height="${image.height}" alt="${esc(b.alt)}">` : `<p class="alt">Bildbeschreibung: ${esc(b.alt)}</p>`;
      return `<figure id="abbildung-${b.number}">${img}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    }
  }
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
table{border-collapse:collapse;margin:1rem 0 .25rem}caption{text-align:left;font-weight:bold;padding-bottom:.3rem}
th,td{border:1px solid #bbb;padding:.2rem .5rem}td{text-align:right;font-variant-numeric:tabular-nums}thead th{background:#eef2f6}
figure{margin:1.2rem 0}figure img{max-width:100%;height:auto}figcaption,.note{font-size:.9em;color:#444}
.title-page{border-bottom:2px solid #1b5e9e;margin-bottom:2rem}`;

export function reportHtml(report: Report, figures: Map<number, FigureImage> = new Map()): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>${esc(report.title)}</title><style>${STYLE}</style></head>
<body>
${report.blocks.map((b) => block(b, figures)).join("\n")}
</body></html>
`;
}
