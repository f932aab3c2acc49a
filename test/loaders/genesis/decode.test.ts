import {describe, expect, it} from "vitest";
import {StreamingDecoder} from "../../../loaders/genesis/decode.ts";

function decode(bytes: Uint8Array, size = bytes.length || 1): {text: string; encoding: string} {
  const decoder = new StreamingDecoder("t.csv");
  let text = "";
  for (let i = 0; i < bytes.length; i += size) text += decoder.decode(bytes.subarray(i, i + size));
  text += decoder.end();
  return {text, encoding: decoder.encoding};
}

describe("StreamingDecoder", () => {
  const german = "Bevölkerung; Größe; Übersicht; Straße\n";

  it.each([
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(german)]), "utf-8-bom"],
    ["UTF-8", Buffer.from(german), "utf-8"],
    ["Windows-1252", Buffer.from(german, "latin1"), "windows-1252"],
    ["Windows-1252 with €, „quotes“ and –", Buffer.from([0x80, 0x20, 0x84, 0x61, 0x93, 0x20, 0x96, 0x0a]), "windows-1252", "€ „a“ –\n"]
  ])("%s in chunks of every size", (_, bytes, encoding, text = german) => {
    const expected = text;
    for (const size of [1, 2, 3, 4, 5, bytes.length]) {
      expect(decode(bytes, size), `size ${size}`).toEqual({text: expected, encoding});
    }
  });

  it("strips the BOM and nothing else", () => {
    expect(decode(Buffer.from("\uFEFFa;b\n")).text).toBe("a;b\n");
    expect(decode(Buffer.from("ab")).text).toBe("ab");
  });

  it("counts lines for errors after many chunks", () => {
    const bytes = Buffer.concat([Buffer.from("\uFEFFa\nb\nc\n"), Buffer.from([0xc3, 0x28])]);
    expect(() => decode(bytes, 4)).toThrow('t.csv, Zeile 4: erwartet: gültiges UTF-8 (die Datei ist als UTF-8 mit BOM erkannt), gefunden: "Bytes 0xC3 0x28"');
    // Cut between the two bytes, the chunk with the second byte is the one reported.
    expect(() => decode(bytes, 2)).toThrow('t.csv, Zeile 4: erwartet: gültiges UTF-8 (die Datei ist als UTF-8 mit BOM erkannt), gefunden: "Bytes 0x28"');
  });

  it("decodes Windows-1252 correctly from Node Buffers at the end of the input too", () => {
    // "ä€" at the very end: held back as a possible UTF-8 sequence, decoded on end().
    expect(decode(Buffer.from([0x61, 0x0a, 0xe4, 0x80]))).toEqual({text: "a\nä€", encoding: "windows-1252"});
  });

  it("rejects a multi-byte sequence cut off at the end of the file", () => {
    expect(() => decode(Buffer.concat([Buffer.from("\uFEFFa;b\n"), Buffer.from([0xe2, 0x82])]))).toThrow(/Zeile 2: erwartet: gültiges UTF-8/);
  });
});
