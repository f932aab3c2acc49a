import {describe, expect, it} from "vitest";
import {overviewAxis, positionText, signedChange, type OverviewRow} from "../../src/components/profile-overview.ts";

describe("positionText", () => {
  it("says where rank 1 is and which quarter, and judges only indicators with a polarity", () => {
    expect(positionText(3, 25, 91.7, "neutral")).toBe("Platz 3 von 25 · höchster Wert\u00a0=\u00a0Platz\u00a01 · oberes Viertel");
    // 22 of 25 for a share where higher is worse is among the most favourable.
    expect(positionText(22, 25, 12.5, "higher_worse")).toBe("Platz 22 von 25 · höchster Wert\u00a0=\u00a0Platz\u00a01 · unteres Viertel (günstig)");
    expect(positionText(2, 25, 95.8, "higher_worse")).toContain("oberes Viertel (ungünstig)");
    expect(positionText(13, 25, 50, "higher_better")).toContain("mittlere Hälfte");
    expect(positionText(null, 25, null, "neutral")).toBe("–");
    expect(positionText(1, 1, null, "neutral")).toBe("–");
  });
});

describe("signedChange", () => {
  it("writes percentage points for shares and never shows a missing change as 0", () => {
    expect(signedChange(5.25, 1, "%")).toBe("+5,3\u00a0Pp.");
    expect(signedChange(-0.1, 1, "%")).toBe("−0,1\u00a0Pp.");
    expect(signedChange(0, 0, "Personen")).toBe("±0");
    expect(signedChange(null, 1, "%")).toBe("–");
  });
});

describe("overviewAxis", () => {
  it("spans the first to the last year with a value in any row", () => {
    const row = (spark: {year: number; value: number | null}[]) => ({spark}) as OverviewRow;
    expect(overviewAxis([row([{year: 1995, value: null}, {year: 2006, value: 1}]), row([{year: 2023, value: 2}])])).toEqual({from: 2006, to: 2023});
    expect(overviewAxis([row([{year: 2020, value: null}])])).toBeNull();
  });
});
