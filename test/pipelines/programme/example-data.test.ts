import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {exampleSheets} from "../../../pipelines/programme/make-example.ts";
import {EXAMPLE_DIR, rawSheet} from "./count-sheets.ts";

const iso = (german: string) => `${german.slice(6, 10)}-${german.slice(3, 5)}-${german.slice(0, 2)}`;

describe("example programme data (data/programme)", () => {
  it("is exactly what make-example.ts writes (deterministic)", () => {
    const sheets = exampleSheets();
    expect(Object.keys(sheets).sort()).toEqual(["fachgruppen.csv", "kommunen.csv", "meilensteine.csv", "module.csv", "stand.csv", "teilnahmen.csv", "veranstaltungen.csv"]);
    for (const [name, text] of Object.entries(sheets)) expect(readFileSync(join(EXAMPLE_DIR, name), "utf-8"), name).toBe(text);
    expect(exampleSheets()).toEqual(sheets);
  });

  it("uses only fictitious addresses and phone numbers", () => {
    const attendance = rawSheet("teilnahmen.csv");
    expect(attendance.every((a) => a.email!.toLowerCase().endsWith("@example.org"))).toBe(true);
    expect(attendance.filter((a) => a.telefon).every((a) => a.telefon!.startsWith("+49 000 "))).toBe(true);
  });

  it("keeps the story consistent: stage dates match the events and attendance", () => {
    const municipalities = rawSheet("kommunen.csv");
    const events = rawSheet("veranstaltungen.csv");
    const attendance = rawSheet("teilnahmen.csv");
    const firstAttended = (id: string, types: string[]) =>
      events.filter((e) => types.includes(e.typ!) && attendance.some((a) => a.veranstaltung === e.id && a.kommune === id)).map((e) => iso(e.datum!)).sort()[0] ?? null;
    for (const m of municipalities.filter((m) => m.foerderfaehig === "ja")) {
      const workshop = events.find((e) => e.typ === "Analyseworkshop" && e.gastgeber === m.id);
      expect(m.analyseworkshop ? iso(m.analyseworkshop) : null, m.id).toBe(workshop ? iso(workshop.datum!) : null);
      expect(m.erste_fortbildung ? iso(m.erste_fortbildung) : null, m.id).toBe(firstAttended(m.id!, ["Fortbildung"]));
      expect(m.fachgruppe ? iso(m.fachgruppe) : null, m.id).toBe(firstAttended(m.id!, ["Fachgruppentreffen", "Exkursion"]));
    }
    // Eligible municipalities send staff only once they are in contact.
    for (const a of attendance.filter((a) => a.kommune)) {
      const m = municipalities.find((x) => x.id === a.kommune)!;
      const event = events.find((e) => e.id === a.veranstaltung)!;
      if (m.foerderfaehig === "ja") expect(iso(m.erstkontakt!) <= iso(event.datum!), `${a.kommune} at ${event.id}`).toBe(true);
    }
  });

  it("runs from June 2014 to December 2015", () => {
    const dates = rawSheet("veranstaltungen.csv").map((e) => iso(e.datum!)).sort();
    expect(dates[0]!.startsWith("2014-06")).toBe(true);
    expect(dates.at(-1)!.startsWith("2015-12")).toBe(true);
  });
});
