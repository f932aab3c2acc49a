import {describe, expect, it} from "vitest";
import {loadProgramme} from "../../loaders/programme/load.ts";
import {computeReach} from "../../pipelines/programme/reach.ts";
import {countWord, listing, reachSentences} from "../../src/components/programme-text.ts";
import {EXAMPLE_DIR} from "../pipelines/programme/count-sheets.ts";

const data = loadProgramme(EXAMPLE_DIR);

describe("reachSentences", () => {
  it("states the published figures of 28.08.2015 in the article's words", () => {
    expect(reachSentences(computeReach(data, "2015-08-28"))).toEqual([
      "Mit 21 von 26 Städten sind die Transferagenturen für Großstädte im Austausch, darunter 10 von 12 Berliner Bezirken (Stand: 28.08.2015).",
      "Bisher fanden eine Auftaktveranstaltung, sechs Kommunalsalons mit 197 Teilnehmenden aus Kommunen bundesweit, aus Wissenschaft, Stiftungen und Verbänden, fünf Analyseworkshops, drei Fortbildungen und zwei Fachgruppentreffen statt.",
      "Zehn weitere Analyseworkshops stehen noch an.",
      "Von den 150 kommunalen Teilnehmenden aller bisherigen Veranstaltungen kommen 22\u00a0% aus dem Bereich Jugend, 20\u00a0% aus dem Bereich Schule und 32\u00a0% aus Koordinierungsstellen für Bildung; die übrigen kommen aus Stabsstellen der Oberbürgermeister, Stadtentwicklung, Soziales und anderen Bereichen."
    ]);
  });

  it("uses the singular and leaves out what has not happened yet", () => {
    const [first, second, third, fourth] = reachSentences(computeReach(data, "2014-06-30"));
    expect(first).toBe("Mit 5 von 26 Städten sind die Transferagenturen für Großstädte im Austausch, darunter 3 von 12 Berliner Bezirken (Stand: 30.06.2014).");
    expect(second).toBe("Bisher fand eine Auftaktveranstaltung statt.");
    expect(third).toBe("15 Analyseworkshops stehen noch an.");
    expect(fourth).toContain("Von den 21 kommunalen Teilnehmenden");
  });

  it("says nothing about engagement in Berlin before any district is in contact", () => {
    expect(reachSentences(computeReach(data, "2014-06-01"))[0]).toBe("Mit 0 von 26 Städten sind die Transferagenturen für Großstädte im Austausch (Stand: 01.06.2014).");
  });
});

describe("countWord and listing", () => {
  it("writes small numbers as words with the right article", () => {
    expect([countWord(1, "eine"), countWord(6), countWord(12), countWord(13), countWord(1234)]).toEqual(["eine", "sechs", "zwölf", "13", "1.234"]);
  });
  it("joins with commas and 'und'", () => {
    expect([listing([]), listing(["a"]), listing(["a", "b"]), listing(["a", "b", "c"])]).toEqual(["", "a", "a und b", "a, b und c"]);
  });
});
