/**
 * A slow, obvious `;`-CSV splitter (RFC 4180: a quote opens a quoted field only at the start of
 * a field, `""` inside it is a quote, a line break inside quotes belongs to the field; LF ends a
 * row, a CR right before it is dropped). The fuzz tests count data rows with it, independently
 * of the parsers under test.
 */
export interface ReferenceRow {
  /** 1-based physical line where the row starts. */
  line: number;
  fields: string[];
}

export interface ReferenceParse {
  rows: ReferenceRow[];
  /** Physical lines (a last line without line end counts). */
  lines: number;
  /** A quote that is not closed, or text after a closing quote: the parsers must reject or be lenient. */
  malformed: boolean;
}

export function referenceRows(text: string): ReferenceParse {
  const rows: ReferenceRow[] = [];
  let malformed = false;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = "";
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === "\n") line++;
          value += c;
          i++;
        }
        if (!closed) malformed = true;
        if (i < n && text[i] !== ";" && text[i] !== "\n" && !(text[i] === "\r" && text[i + 1] === "\n")) {
          malformed = true;
          // Read on to the end of the field as plain text.
          while (i < n && text[i] !== ";" && text[i] !== "\n") value += text[i++];
          if (value.endsWith("\r") && (i >= n || text[i] === "\n")) value = value.slice(0, -1);
        } else if (text[i] === "\r") i++;
      } else {
        while (i < n && text[i] !== ";" && text[i] !== "\n") value += text[i++];
        if (value.endsWith("\r") && (i >= n || text[i] === "\n")) value = value.slice(0, -1);
      }
      fields.push(value);
      if (i < n && text[i] === ";") {
        i++;
        continue;
      }
      break;
    }
    rows.push({line: start, fields});
    if (i < n && text[i] === "\n") {
      i++;
      line++;
    }
  }
  const lines = text.length === 0 ? 0 : (text.match(/\n/g)?.length ?? 0) + (text.endsWith("\n") ? 0 : 1);
  return {rows, lines, malformed};
}
