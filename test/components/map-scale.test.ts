import {describe, expect, it} from "vitest";
import {classBreaks, colorClasses, legendNote, MISSING_COLOR, polarityText, statDecimals, valueText} from "../../src/components/map-scale.ts";

describe("classBreaks", () => {
  it("quantile thresholds rounded to the shown decimals, without duplicates", () => {
    const values = Array.from({length: 12}, (_, i) => i + 1);
    expect(classBreaks(values, 1, 6)).toEqual([2.8, 4.7, 6.5, 8.3, 10.2]);
    expect(classBreaks(values, 0, 4)).toEqual([4, 7, 9]);
  });

  it("many equal values collapse classes instead of repeating a threshold", () => {
    const students = [0, 0, 0, 0, 0, 0, 0, 5, 40, 120];
    // 0 is the 1/6 … 4/6 quantile: one threshold (22,5 rounded) is left, two classes.
    expect(classBreaks(students, 0, 6)).toEqual([23]);
    expect(classBreaks([7], 1)).toEqual([]);
    expect(classBreaks([3, 3, 3], 1)).toEqual([]);
  });
});

describe("colorClasses", () => {
  const values = Array.from({length: 60}, (_, i) => i);

  it("sequential (YlGnBu) without a polarity: one colour more than thresholds", () => {
    const c = colorClasses(values, {decimals: 0, polarity: "neutral"});
    expect(c.diverging).toBe(false);
    expect(c.colors).toHaveLength(c.breaks.length + 1);
    expect(c.pivot).toBeNull();
  });

  it("diverging around the median: red on the unfavourable side", () => {
    const worse = colorClasses(values, {decimals: 0, polarity: "higher_worse"});
    const better = colorClasses(values, {decimals: 0, polarity: "higher_better"});
    expect(worse.diverging).toBe(true);
    expect(worse.pivot).toBe(29.5);
    const red = (color: string) => {
      const [r, , b] = color.match(/\d+/g)!.map(Number);
      return r! > b!;
    };
    // Higher is worse: the highest class is red, the lowest blue; the other way round for better.
    expect(red(worse.colors.at(-1)!)).toBe(true);
    expect(red(worse.colors[0]!)).toBe(false);
    expect(red(better.colors.at(-1)!)).toBe(false);
    expect(red(better.colors[0]!)).toBe(true);
    // Three classes on each side of the median.
    expect(worse.colors.filter(red)).toHaveLength(3);
  });
});

describe("valueText", () => {
  const opts = {unit: "%", decimals: 1, flagLabels: {".": "unbekannt oder geheim"}};
  it("a number with its unit, a qualifying flag in words", () => {
    expect(valueText(12.345, null, opts)).toBe("12,3\u00a0%");
    expect(valueText(12.3, "s", opts)).toBe("12,3\u00a0% (geschätzt)");
    expect(valueText(0, "-", opts)).toBe("0,0\u00a0%");
  });

  it("never 0 for a missing number: the flag's meaning or 'keine Angabe'", () => {
    expect(valueText(null, ".", opts)).toBe("kein Wert: unbekannt oder geheim (Kennzeichen „.“)");
    expect(valueText(null, "/", opts)).toBe("kein Wert: nicht sicher genug (Kennzeichen „/“)");
    expect(valueText(undefined, null, opts)).toBe("keine Angabe");
  });
});

describe("wording", () => {
  it("polarity in plain German", () => {
    expect(polarityText("higher_worse")).toBe("Höhere Werte gelten als ungünstiger.");
    expect(polarityText("higher_better")).toBe("Höhere Werte gelten als günstiger.");
    expect(polarityText("neutral")).toMatch(/weder besser noch schlechter/);
  });

  it("the legend note names range, classes, the median of a diverging scale and the hatch", () => {
    const c = colorClasses([1, 2, 3, 4, 5, 6, 7, 8], {decimals: 0, polarity: "higher_worse"});
    const note = legendNote(c, {polarity: "higher_worse", unit: "%", decimals: 1, regions: "Kreisen", range: [1, 8]});
    expect(note).toContain("Werte von 1,0\u00a0% bis 8,0\u00a0%");
    expect(note).toContain("Median (4,5\u00a0%)");
    expect(note).toContain("Rot über dem Median (ungünstiger)");
    expect(note).toContain("Grau schraffiert: kein Wert.");
    expect(MISSING_COLOR).toBe("#d9d9d9");
  });

  it("statistics get one more decimal where they fall between shown values", () => {
    expect(statDecimals(4.5, 0)).toBe(1);
    expect(statDecimals(4, 0)).toBe(0);
    expect(statDecimals(17.5, 1)).toBe(1);
    expect(statDecimals(6.405, 1)).toBe(2);
  });
});
