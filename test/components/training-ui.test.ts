// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {finding, VISIBLE_CAVEATS} from "../../src/components/training-ui.ts";

describe("finding", () => {
  const caveats = ["Erster Hinweis.", "Zweiter Hinweis.", "Dritter Hinweis.", "Vierter Hinweis."];

  it("shows the sentences and the first caveats, the rest behind a closed „weitere Hinweise“", () => {
    const el = finding(["Köln lag 2024 …", null, "Zweiter Satz."], caveats);
    expect([...el.querySelectorAll(".training-sentence")].map((p) => p.textContent)).toEqual(["Köln lag 2024 …", "Zweiter Satz."]);
    const [shown, hidden] = [...el.querySelectorAll(".training-caveats ul")];
    expect([...shown!.children].map((li) => li.textContent)).toEqual(caveats.slice(0, VISIBLE_CAVEATS));
    const more = el.querySelector("details.training-caveats-more")!;
    expect(more.hasAttribute("open")).toBe(false);
    expect(more.querySelector("summary")!.textContent).toBe("2 weitere Hinweise");
    expect([...hidden!.children].map((li) => li.textContent)).toEqual(caveats.slice(VISIBLE_CAVEATS));
  });

  it("says „1 weiterer Hinweis“ for one more, and has no details when all fit", () => {
    expect(finding([], caveats.slice(0, 3)).querySelector("summary")!.textContent).toBe("1 weiterer Hinweis");
    expect(finding([], caveats.slice(0, 2)).querySelector("details")).toBeNull();
    expect(finding(["Satz."], []).querySelector(".training-caveats")).toBeNull();
  });
});
