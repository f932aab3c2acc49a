import {describe, expect, it} from "vitest";
import {afterMit, formatNumber, formatPeriod, formatValue, locale} from "../../src/components/format.ts";

describe("German formats", () => {
  it("groups thousands with a dot and uses a decimal comma", () => {
    expect(formatNumber(1234.5, 1)).toBe("1.234,5");
    expect(formatNumber(1234567, 0)).toBe("1.234.567");
    expect(formatNumber(0.05, 2)).toBe("0,05");
  });

  it("writes percentages as 12,3 % with a no-break space", () => {
    expect(formatValue(12.34, "%", 1)).toBe("12,3\u00a0%");
    expect(locale.format(".1%")(0.123)).toBe("12,3\u00a0%");
  });

  it("shows a missing value as a dash, never as 0", () => {
    expect(formatNumber(null)).toBe("–");
    expect(formatValue(undefined, "%")).toBe("–");
    expect(formatValue(Number.NaN, "%")).toBe("–");
    expect(formatValue(0, "%", 1)).toBe("0,0\u00a0%");
  });

  it("uses a real minus sign for negative changes", () => {
    expect(formatNumber(-2.5, 1)).toBe("−2,5");
  });

  it("writes reference dates as 31.12.2022 and keeps years", () => {
    expect(formatPeriod("2022-12-31")).toBe("31.12.2022");
    expect(formatPeriod("2015")).toBe("2015");
  });
});

describe("rounding", () => {
  it("rounds half up on the decimal digits, not on the binary double", () => {
    expect(formatNumber(11.35, 1)).toBe("11,4");
    expect(formatNumber(1.005, 2)).toBe("1,01");
    expect(formatNumber(-2.25, 1)).toBe("−2,3");
    expect(formatNumber(5.12, 1)).toBe("5,1");
    expect(formatNumber(0.05, 1)).toBe("0,1");
    expect(formatNumber(1e-7, 2)).toBe("0,00");
  });
});

describe("afterMit", () => {
  it("puts Kinder and Plätze into the dative after „mit“, and leaves other units and later words alone", () => {
    expect(afterMit(formatValue(10446, "Kinder", 0))).toBe("10.446\u00a0Kindern");
    expect(afterMit(formatValue(12.5, "Plätze je 100 Kinder", 1))).toBe("12,5\u00a0Plätzen je 100 Kinder");
    expect(afterMit(formatValue(1024621, "Personen", 0))).toBe("1.024.621\u00a0Personen");
    expect(afterMit(formatValue(38.3, "%", 1))).toBe("38,3\u00a0%");
  });
});
