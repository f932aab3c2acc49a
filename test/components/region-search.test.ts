// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {regionSearchIndex} from "../../pipelines/snapshot/search-index.ts";
import {regionSearch} from "../../src/components/region-search.ts";
import type {IndexRegion} from "../../src/shared/region-resolver.ts";

const entries = regionSearchIndex();

function mount() {
  const chosen: IndexRegion[] = [];
  const form = regionSearch(entries, {label: "Kommunalprofil öffnen", onChoose: (r) => chosen.push(r)});
  document.body.replaceChildren(form);
  const input = form.querySelector("input")!;
  const type = (text: string) => {
    input.value = text;
    input.dispatchEvent(new Event("input"));
  };
  const key = (name: string) => input.dispatchEvent(new KeyboardEvent("keydown", {key: name, bubbles: true}));
  const submit = () => form.dispatchEvent(new Event("submit", {cancelable: true}));
  const options = () => [...form.querySelectorAll<HTMLElement>("[role=option]")];
  return {form, input, type, key, submit, options, chosen, hint: form.querySelector(".search-hint")!};
}

describe("region search component", () => {
  it("lists matches with kind and Land, kreisfreie Stadt first, and opens the first on Enter", () => {
    const s = mount();
    s.type("Offenbach");
    expect(s.input.getAttribute("aria-expanded")).toBe("true");
    expect(s.options().map((o) => o.textContent)).toEqual(expect.arrayContaining(["Offenbach am Mainkreisfreie Stadt · Hessen · 06413"]));
    expect(s.options()[0]!.dataset.region).toBe("06413");
    expect(s.options()[1]!.dataset.region).toBe("06438");
    s.submit();
    expect(s.chosen.map((r) => r.id)).toEqual(["06413"]);
  });

  it("follows the arrow keys to the option Enter opens", () => {
    const s = mount();
    s.type("Offenbach");
    s.key("ArrowDown");
    s.key("ArrowDown");
    expect(s.input.getAttribute("aria-activedescendant")).toBe(s.options()[1]!.id);
    expect(s.options()[1]!.getAttribute("aria-selected")).toBe("true");
    s.submit();
    expect(s.chosen.map((r) => r.id)).toEqual(["06438"]);
  });

  it("says that a Gemeinde leads to its Kreis", () => {
    const s = mount();
    s.type("Saarbrücken");
    expect(s.options()[0]!.textContent).toContain("Saarbrücken ist kein Kreis: gehört zu Regionalverband Saarbrücken");
    s.submit();
    expect(s.chosen.map((r) => r.id)).toEqual(["10041"]);
    expect(s.hint.textContent).toContain("gehört zu Regionalverband Saarbrücken");
  });

  it("tells when nothing matches and opens nothing", () => {
    const s = mount();
    s.type("Atlantis");
    expect(s.options()).toHaveLength(0);
    s.submit();
    expect(s.chosen).toEqual([]);
    expect(s.hint.textContent).toMatch(/^Keine Region gefunden/);
  });
});
