import {describe, expect, it} from "vitest";
import {REGISTRY} from "../../pipelines/indicators/registry.ts";
import {cleanIds, regionNotes, sentences} from "../../src/components/profile-notes.ts";

const names = new Map(REGISTRY.map((e) => [e.id, e.name]));
const caveats = (id: string) => REGISTRY.find((e) => e.id === id)!.caveats;
const koeln = {regionId: "05315", regionName: "Köln", names};
const neukoelln = {regionId: "11008008", regionName: "Neukölln", names};
const bamberg = {regionId: "09471", regionName: "Bamberg", names};
const all = (n: {key: string | null; more: string[]}) => [n.key, ...n.more].join(" ");

describe("regionNotes", () => {
  it("splits German sentences without breaking at 'z. B.'", () => {
    expect(sentences("Werte über 100 % sind möglich. 2023 z. B. Rostock 103,2 %, Berlin-Mitte 121,2 %.")).toEqual(["Werte über 100 % sind möglich.", "2023 z. B. Rostock 103,2 %, Berlin-Mitte 121,2 %."]);
  });

  it("names Berlin districts only on Berlin pages, for every indicator of the registry", () => {
    for (const entry of REGISTRY) {
      const text = all(regionNotes(entry.caveats, koeln));
      expect(text, entry.id).not.toMatch(/Berlin|Bezirk|Planungsr/);
    }
    expect(all(regionNotes(caveats("schulabgaenger_ohne_hsa"), neukoelln))).toContain("Neukölln");
  });

  it("keeps a named example only where it names the region", () => {
    const id = "schulabgaenger_allg_hochschulreife";
    expect(all(regionNotes(caveats(id), koeln))).not.toContain("Bamberg");
    expect(all(regionNotes(caveats(id), bamberg))).toContain("Bamberg");
  });

  it("shows one key sentence and puts the rest behind the details", () => {
    const notes = regionNotes(caveats("betreuungsquote_u3"), koeln);
    expect(notes.key).toBe("Kinder werden am Ort der Betreuung gezählt, nicht am Wohnort: Städte mit Einpendlern haben höhere, ihr Umland niedrigere Quoten; Werte über 100 % sind möglich.");
    expect(notes.more.join(" ")).toContain("Rechtsanspruch");
    expect(regionNotes([], koeln)).toEqual({key: null, more: []});
  });

  it("never shows a registry id: it becomes the indicator's name", () => {
    for (const entry of REGISTRY) {
      for (const context of [koeln, neukoelln]) expect(all(regionNotes(entry.caveats, context)), entry.id).not.toMatch(/\b[a-z0-9]+_[a-z0-9_]+\b/);
    }
    expect(cleanIds("wie die SGB-II-Quote (sgb2_quote_u65)", names)).toBe(`wie die SGB-II-Quote („${names.get("sgb2_quote_u65")}“)`);
  });
});
