/**
 * The Regionaldatenbank tables 2023–2025 as snapshot candidates, checked against figures
 * computed by hand from the raw files in ../shared/data/regionaldatenbank (counts copied from the
 * rows named in each case; share = numerator / denominator × 100).
 */
import {existsSync} from "node:fs";
import {resolve} from "node:path";
import {beforeAll, describe, expect, it} from "vitest";
import {readKreisMetadata} from "../../../loaders/kreise/metadata.ts";
import type {Candidate} from "../../../pipelines/snapshot/candidates.ts";
import {regionaldatenbankObservations, type RegionaldatenbankResult} from "../../../pipelines/snapshot/regionaldatenbank.ts";
import type {SetAsideKey} from "../../../pipelines/snapshot/regions.ts";

const shared = resolve(import.meta.dirname, "../../../../shared");
const describeData = existsSync(resolve(shared, "data/regionaldatenbank")) || process.env.CI ? describe : describe.skip;
const f = (name: string) => ({path: resolve(shared, "data/regionaldatenbank", name), label: `data/regionaldatenbank/${name}`});

describeData("Regionaldatenbank 2023–2025: values against hand-computed figures", () => {
  let result: RegionaldatenbankResult;
  const setAside: SetAsideKey[] = [];
  const get = (indicator: string, region: string, period: string): Candidate => {
    const found = result.candidates.filter((c) => c.indicator === indicator && c.region === region && c.period === period);
    expect(found, `${indicator} ${region} ${period}`).toHaveLength(1);
    return found[0]!;
  };
  /** The stored share equals numerator / denominator × 100 (rounded to 4 decimals) and the hand figure to 1 decimal. */
  const expectShare = (indicator: string, region: string, period: string, numerator: number, denominator: number, byHand: number) => {
    const c = get(indicator, region, period);
    expect(c.flag, `${indicator} ${region} ${period}`).toBeNull();
    expect(c.value).toBe(Math.round((numerator / denominator) * 1e6) / 1e4);
    expect(c.value!.toFixed(1)).toBe(byHand.toFixed(1));
  };

  beforeAll(async () => {
    const kreise = readKreisMetadata(resolve(shared, "data/kreise/kreise_metadata_2021-12-31.csv"), "kreise");
    result = await regionaldatenbankObservations(
      {
        schulabgaenger2023: f("21111-02-06-4_schulabgaenger_2023.csv"),
        schulabgaenger2024: f("21111-02-06-4_schulabgaenger_2024.csv"),
        schueler2023: f("21111-01-03-4_schueler_schularten_2023.csv"),
        beruflicheSchulen2023: f("21121-02-02-4_berufliche_schulen_abschluesse_2023.csv"),
        arbeitslose2025: f("13211-02-05-4_arbeitslose_2025.csv"),
        bevoelkerung: f("12411-02-03-4_bevoelkerung_altersgruppen_2023-2024_extract.csv"),
        kitaU3: f("22543-03-01-4-B_kita_u3_2025_extract.json")
      },
      new Set(kreise.map((k) => k.ags)),
      setAside
    );
  }, 60_000);

  it("leavers 2024 without Ersten Schulabschluss, 12 regions (Neukölln 376 of 2,744 = 13.7 %)", () => {
    expectShare("schulabgaenger_ohne_hsa", "11008008", "2024", 376, 2744, 13.7);
    expectShare("schulabgaenger_ohne_hsa", "05315", "2024", 650, 10380, 6.3);
    expectShare("schulabgaenger_ohne_hsa", "05358", "2024", 205, 2580, 7.9);
    expectShare("schulabgaenger_ohne_hsa", "09162", "2024", 686, 12249, 5.6);
    expectShare("schulabgaenger_ohne_hsa", "02", "2024", 1110, 17330, 6.4);
    expectShare("schulabgaenger_ohne_hsa", "02000", "2024", 1110, 17330, 6.4);
    expectShare("schulabgaenger_ohne_hsa", "11000", "2024", 3193, 33489, 9.5);
    expectShare("schulabgaenger_ohne_hsa", "DG", "2024", 62036, 798514, 7.8);
    expectShare("schulabgaenger_ohne_hsa", "14612", "2024", 344, 4644, 7.4);
    expectShare("schulabgaenger_ohne_hsa", "03241", "2024", 921, 11153, 8.3);
    expectShare("schulabgaenger_ohne_hsa", "01001", "2024", 108, 1107, 9.8);
    expectShare("schulabgaenger_ohne_hsa", "16068", "2024", 69, 602, 11.5);
    // Baden-Württemberg: suppressed in the source, stays "." (never 0).
    expect(get("schulabgaenger_ohne_hsa", "08117", "2024")).toMatchObject({value: null, flag: "."});
  });

  it("leavers 2023: the four shares add up to 100 (mittlerer = MSA + FHR, the 'dar.' column not added)", () => {
    expectShare("schulabgaenger_ohne_hsa", "05315", "2023", 605, 10380, 5.8);
    expectShare("schulabgaenger_allg_hochschulreife", "05315", "2023", 4315, 10380, 41.6);
    expectShare("schulabgaenger_hsa", "05315", "2023", 1460, 10380, 14.1);
    expectShare("schulabgaenger_mittlerer_abschluss", "05315", "2023", 4005, 10380, 38.6);
    expectShare("schulabgaenger_mittlerer_abschluss", "DG", "2023", 336361 + 802, 782423, 43.1);
    expectShare("schulabgaenger_mittlerer_abschluss", "08117", "2023", 1086 + 16, 2221, 49.6);
    expectShare("schulabgaenger_hochschulreife_fhr", "05315", "2024", 20 + 4310, 10380, 41.7);
    expectShare("schulabgaenger_allg_hochschulreife", "11008008", "2023", 906, 2582, 35.1);
    // Bamberg (Landkreis) has no Gymnasium: "-" is a real 0 %.
    expect(get("schulabgaenger_allg_hochschulreife", "09471", "2023")).toMatchObject({value: 0, flag: null});
    // Outside Nordrhein-Westfalen (which rounds every count to 5) the four counts add up to the total.
    for (const region of ["11008008", "DG", "01001", "02"]) {
      const sum = ["schulabgaenger_ohne_hsa", "schulabgaenger_hsa", "schulabgaenger_mittlerer_abschluss", "schulabgaenger_allg_hochschulreife"].reduce((a, id) => a + get(id, region, "2023").value!, 0);
      expect(Math.abs(sum - 100), region).toBeLessThan(0.001);
    }
    // Dresden's FHR cell is locked (x), Hannover's secret (.): the mittlerer share carries that mark.
    expect(get("schulabgaenger_mittlerer_abschluss", "14612", "2023")).toMatchObject({value: null, flag: "x"});
    expect(get("schulabgaenger_mittlerer_abschluss", "03241", "2023")).toMatchObject({value: null, flag: "."});
  });

  it("pupils 2023/24 by school type, 11 regions", () => {
    expect(get("schueler_anzahl", "05315", "2023").value).toBe(112580);
    expect(get("schueler_anzahl", "11000", "2023").value).toBe(399830);
    expectShare("schueler_gymnasium_anteil", "05315", "2023", 32470, 112580, 28.8);
    expectShare("schueler_gymnasium_anteil", "05358", "2023", 7210, 28410, 25.4);
    expectShare("schueler_gymnasium_anteil", "09162", "2023", 43712, 136582, 32.0);
    expectShare("schueler_gymnasium_anteil", "02000", "2023", 59863, 217949, 27.5);
    expectShare("schueler_gymnasium_anteil", "11", "2023", 83657, 399830, 20.9);
    expectShare("schueler_gymnasium_anteil", "11008008", "2023", 5013, 30968, 16.2);
    expectShare("schueler_gymnasium_anteil", "DG", "2023", 2280967, 8819489, 25.9);
    expectShare("schueler_gymnasium_anteil", "14612", "2023", 21168, 62580, 33.8);
    expectShare("schueler_gymnasium_anteil", "01001", "2023", 3537, 12342, 28.7);
    expectShare("schueler_gymnasium_anteil", "08117", "2023", 5983, 26286, 22.8);
    expect(get("schueler_gymnasium_anteil", "09471", "2023")).toMatchObject({value: 0, flag: null});
    expectShare("schueler_gesamtschule_anteil", "05315", "2023", 17920, 112580, 15.9);
    expectShare("schueler_gesamtschule_anteil", "02", "2023", 68570, 217949, 31.5);
    expectShare("schueler_foerderschule_anteil", "05315", "2023", 4455, 112580, 4.0);
    expectShare("schueler_foerderschule_anteil", "05358", "2023", 1395, 28410, 4.9);
    expectShare("schueler_foerderschule_anteil", "09162", "2023", 7011, 136582, 5.1);
    expectShare("schueler_hauptschule_anteil", "09162", "2023", 14593, 136582, 10.7);
    expect(get("schueler_hauptschule_anteil", "02", "2023")).toMatchObject({value: 0, flag: null});
    // Berlin has no Hauptschule any more: "x" (not applicable), never 0.
    expect(get("schueler_hauptschule_anteil", "11008008", "2023")).toMatchObject({value: null, flag: "x"});
    expectShare("schueler_realschule_anteil", "05358", "2023", 1600, 28410, 5.6);
    expectShare("klasse7_gymnasium_anteil", "05315", "2023", 4115, 9540, 43.1);
    expectShare("klasse7_gymnasium_anteil", "11000", "2023", 14501, 32410, 44.7);
    expectShare("klasse7_gymnasium_anteil", "05358", "2023", 950, 2400, 39.6);
    expectShare("auslaendische_schueler_anteil", "05315", "2023", 19830, 112580, 17.6);
    expectShare("auslaendische_schueler_anteil", "11008008", "2023", 6031, 30968, 19.5);
    expectShare("auslaendische_schueler_anteil", "16068", "2023", 537, 7094, 7.6);
  });

  it("leavers of vocational schools 2023; no vocational school in the Kreis = no share (x), never 0 %", () => {
    expectShare("berufliche_abgaenger_hochschulreife_anteil", "05315", "2023", 515 + 450, 2850, 33.9);
    expectShare("berufliche_abgaenger_hochschulreife_anteil", "05358", "2023", 115 + 85, 710, 28.2);
    expectShare("berufliche_abgaenger_hochschulreife_anteil", "09162", "2023", 2043 + 898, 4390, 67.0);
    expectShare("berufliche_abgaenger_hochschulreife_anteil", "DG", "2023", 72348 + 48403, 222742, 54.2);
    expectShare("berufliche_abgaenger_mittlerer_abschluss_anteil", "05315", "2023", 1005, 2850, 35.3);
    for (const region of ["09471", "09473", "09573", "09671", "16068"]) {
      expect(get("berufliche_abgaenger_hochschulreife_anteil", region, "2023")).toMatchObject({value: null, flag: "x"});
      expect(get("berufliche_abgaenger_anzahl", region, "2023")).toMatchObject({value: 0, flag: "-"});
    }
    expect(result.zeroDenominators.filter((z) => z.region === "16068").map((z) => z.reason)).toEqual([
      "Nenner 0: keine berufliche Schule im Kreis (gezählt am Schulort); kein Anteil (nicht 0 %)",
      "Nenner 0: keine berufliche Schule im Kreis (gezählt am Schulort); kein Anteil (nicht 0 %)"
    ]);
    // Berlin's Bezirke have only "." in this table: no observation, one report line each.
    expect(result.candidates.some((c) => c.indicator.startsWith("berufliche_") && /^11\d{6}$/.test(c.region))).toBe(false);
    expect(setAside.filter((s) => s.file.includes("21121") && s.region.startsWith("110")).length).toBe(12);
  });

  it("unemployment 2025 (annual average) as published; long-term share computed", () => {
    expect(get("arbeitslosenquote", "05315", "2025").value).toBe(9.1);
    expect(get("jugendarbeitslosenquote", "05315", "2025").value).toBe(6);
    expect(get("arbeitslosenquote", "09471", "2025").value).toBe(2.7);
    expect(get("arbeitslosenquote", "11000", "2025").value).toBe(10.3);
    expectShare("langzeitarbeitslose_anteil", "05315", "2025", 24146, 56541, 42.7);
    expectShare("langzeitarbeitslose_anteil", "05358", "2025", 4891, 11324, 43.2);
    expectShare("langzeitarbeitslose_anteil", "DG", "2025", 1035812, 2948092, 35.1);
  });

  it("population 2023/2024 on the Zensus-2022 basis and the age shares", () => {
    expect(get("bevoelkerung", "05315", "2024").value).toBe(1024621);
    expect(get("bevoelkerung", "DG", "2024").value).toBe(83577140);
    expectShare("anteil_unter_6", "05315", "2024", 54050, 1024621, 5.3);
    expectShare("anteil_unter_18", "05358", "2023", 47763, 278462, 17.2);
    expectShare("anteil_65_plus", "16068", "2024", 18711, 67693, 27.6);
    expectShare("anteil_65_plus", "02000", "2023", 333035, 1851596, 18.0);
    expectShare("anteil_unter_18", "DG", "2024", 13975042, 83577140, 16.7);
  });

  it("Betreuungsquote under 3, 2025 = count 01.03.2025 / children under 3 on 31.12.2024; the file's rate is never used", () => {
    expectShare("betreuungsquote_u3", "05315", "2025", 10446, 27273, 38.3);
    expectShare("betreuungsquote_u3", "11000", "2025", 49180, 99636, 49.4);
    expectShare("betreuungsquote_u3", "14612", "2025", 7014, 12681, 55.3);
    expectShare("betreuungsquote_u3", "16068", "2025", 783, 1273, 61.5);
    // Vulkaneifel: the extract's "rate" says 41.75; the official definition gives 30.9.
    expectShare("betreuungsquote_u3", "07233", "2025", 443, 1434, 30.9);
    expect(get("betreuungsquote_u3", "DG", "2025").value!.toFixed(1)).toBe("37.8");
    expect(result.candidates.some((c) => c.indicator === "betreuungsquote_u3" && c.region === "05334002")).toBe(false);
  });

  it("flags Aachen's 2023 leavers row (365 beside 2,245 in 2024 and 2,055 in grade 7) instead of showing it as fact", () => {
    expect(result.plausibility).toHaveLength(1);
    expect(result.plausibility[0]).toMatchObject({region: "05334002", period: "2023"});
    expect(get("schulabgaenger_ohne_hsa", "05334002", "2023")).toMatchObject({value: null, flag: "/"});
    expectShare("schulabgaenger_ohne_hsa", "05334002", "2024", 155, 2245, 6.9);
  });
});
