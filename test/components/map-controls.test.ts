// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {fromAddress, labelledSelect, rememberInAddress} from "../../src/components/map-controls.ts";

const options = [
  {value: "arbeitslosenquote", label: "Arbeitslosenquote", group: "Rahmenbedingungen"},
  {value: "auslaenderanteil", label: "Ausländeranteil", group: "Rahmenbedingungen"},
  {value: "betreuungsquote_u3", label: "Betreuungsquote unter 3", group: "Frühkindliche Bildung"}
];

describe("labelledSelect", () => {
  it("a native select with a <label for>, options grouped by area, the value on the form", () => {
    const form = labelledSelect(options, {label: "Indikator", name: "indikator", value: "betreuungsquote_u3"});
    const select = form.querySelector("select")!;
    expect(form.querySelector("label")!.htmlFor).toBe(select.id);
    expect(form.querySelector("label")!.textContent).toBe("Indikator");
    expect([...select.querySelectorAll("optgroup")].map((g) => [g.label, g.children.length])).toEqual([["Rahmenbedingungen", 2], ["Frühkindliche Bildung", 1]]);
    expect(form.value).toBe("betreuungsquote_u3");
    expect(form.select).toBe(select);
  });

  it("the select's input event reaches the form (Framework's Generators.input listens there)", () => {
    const form = labelledSelect(options, {label: "Indikator", name: "indikator"});
    expect(form.value).toBe("arbeitslosenquote");
    let seen = "";
    form.addEventListener("input", () => (seen = form.value));
    form.select.value = "auslaenderanteil";
    form.select.dispatchEvent(new Event("input", {bubbles: true}));
    expect(seen).toBe("auslaenderanteil");
  });

  it("an unknown initial value falls back to the first option; ids stay unique", () => {
    const a = labelledSelect(options, {label: "Jahr", name: "jahr", value: "1990"});
    const b = labelledSelect(options, {label: "Jahr", name: "jahr"});
    expect(a.value).toBe("arbeitslosenquote");
    expect(a.select.id).not.toBe(b.select.id);
  });
});

describe("address", () => {
  it("reads a known value from ?name=…, writes the choice back", () => {
    history.replaceState(null, "", "/karte/?indikator=auslaenderanteil&x=1");
    expect(fromAddress("indikator", options, "betreuungsquote_u3")).toBe("auslaenderanteil");
    expect(fromAddress("jahr", options, "betreuungsquote_u3")).toBe("betreuungsquote_u3");
    rememberInAddress({indikator: "arbeitslosenquote", jahr: "2023", x: null});
    expect(location.search).toBe("?indikator=arbeitslosenquote&jahr=2023");
  });
});
