import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {RowSplitter} from "../../../loaders/genesis/split.ts";

function split(chunks: string[]): [string[], number][] {
  const rows: [string[], number][] = [];
  const splitter = new RowSplitter("t.csv", {row: (fields, count, line) => rows.push([fields.slice(0, count), line])});
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return rows;
}

describe("RowSplitter", () => {
  it("splits rows and fields, with LF, CRLF and no final line break", () => {
    expect(split(["a;b\r\nc;;d\n;\ne"])).toEqual([
      [["a", "b"], 1],
      [["c", "", "d"], 2],
      [["", ""], 3],
      [["e"], 4]
    ]);
  });

  it("follows RFC 4180 quotes: ';', doubled quotes and line breaks inside, physical line numbers after", () => {
    expect(split(['1;"a;b";"say ""hi""";"two\r\nlines"\r\n2;x\n'])).toEqual([
      [["1", "a;b", 'say "hi"', "two\r\nlines"], 1],
      [["2", "x"], 3]
    ]);
  });

  it("gives the same rows for any chunking (seeded property test)", () => {
    const text = 'h;i\n1;"a;\n""b"""\r\n2;c\n"";""\n3;"";x\n4;"end"';
    const whole = split([text]);
    fc.assert(
      fc.property(fc.array(fc.integer({min: 1, max: text.length - 1}), {maxLength: 8}), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks = [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length));
        expect(split(chunks)).toEqual(whole);
      }),
      {seed: 4711, numRuns: 500}
    );
  });

  it("reads a line of several megabytes arriving in small chunks", () => {
    const long = "y".repeat(3_000_000);
    const text = `1;${long}\n2;"${long}"\n3;z\n`;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += 65536) chunks.push(text.slice(i, i + 65536));
    const rows = split(chunks);
    expect(rows.map(([fields, line]) => [fields[0], fields[1]!.length, line])).toEqual([
      ["1", 3_000_000, 1],
      ["2", 3_000_000, 2],
      ["3", 1, 3]
    ]);
  });

  it("rejects an unterminated quote and text after a closing quote", () => {
    expect(() => split(['a;"open\n'])).toThrow('t.csv, Zeile 1, Feld "Feld 2": erwartet: schließendes Anführungszeichen, gefunden: "Dateiende"');
    expect(() => split(['a;"x"y;b\n'])).toThrow('t.csv, Zeile 1, Feld "Feld 2": erwartet: Feldtrenner ";" oder Zeilenende nach dem schließenden Anführungszeichen, gefunden: "y;b\\n"');
  });
});
