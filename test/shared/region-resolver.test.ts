import {describe, expect, it} from "vitest";
import {regionSearchIndex} from "../../pipelines/snapshot/search-index.ts";
import {ENTER_OPENS} from "../support/region-queries.ts";
import {createRegionResolver, foldName, hitLabel, viaNote, type IndexEntry} from "../../src/shared/region-resolver.ts";

const resolver = createRegionResolver(regionSearchIndex());


describe("region resolver on the real snapshot", () => {
  it.each(ENTER_OPENS)("Enter on %s opens %s", (query, id) => {
    expect(resolver.best(query)?.region.id).toBe(id);
  });

  it("folds umlauts and ß the same way for names and queries", () => {
    expect(foldName("Köln")).toBe(foldName("Koeln"));
    expect(foldName("Gießen")).toBe("giessen");
    expect(foldName("Düsseldorf")).toBe("duesseldorf");
  });

  it("leads a Gemeinde that is not a Kreis to its Kreis with a line saying so", () => {
    const hit = resolver.best("Hannover")!;
    expect(hit.via?.name).toBe("Hannover");
    expect(viaNote(hit)).toBe("Hannover (Gemeinde, 513.291 Einwohner laut Zensus 2022) ist kein Kreis und gehört zu Region Hannover.");
    expect(resolver.best("Aachen")?.via?.id).toBe("05334002");
    expect(resolver.best("Köln")?.via).toBeNull();
  });

  it("marks the kind and the Land in the list, kreisfreie Stadt before Landkreis", () => {
    const labels = resolver.search("Offenbach").map(hitLabel);
    expect(labels.slice(0, 2)).toEqual(["Offenbach am Main · kreisfreie Stadt · Hessen · 06413", "Offenbach · Landkreis · Hessen · 06438"]);
    expect(hitLabel(resolver.best("Neukölln")!)).toBe("Neukölln · Berliner Bezirk · Berlin · 11008008");
    expect(hitLabel(resolver.best("Aachen")!)).toBe("Städteregion Aachen · Kreis · Nordrhein-Westfalen · 05334");
  });

  it("offers prefixes while typing and keys by their first digits", () => {
    expect(resolver.search("Frankf").map((h) => h.region.id).slice(0, 2)).toEqual(["06412", "12053"]);
    const byKey = resolver.search("0531").map((h) => h.region.id);
    expect(byKey).toContain("05315");
    expect(byKey.every((id) => id.startsWith("0531"))).toBe(true);
  });

  it("resolves strictly for the CLI: one region, the candidates, or none", () => {
    expect(resolver.resolve("5315")).toMatchObject({status: "found", hit: {region: {id: "05315"}}});
    expect(resolver.resolve("Köln")).toMatchObject({status: "found", hit: {region: {id: "05315"}}});
    expect(resolver.resolve("München")).toMatchObject({status: "found", hit: {region: {id: "09162"}}});
    expect(resolver.resolve("Hannover")).toMatchObject({status: "found", hit: {region: {id: "03241"}, via: {id: "03241001"}}});
    const frankfurt = resolver.resolve("Frankfurt");
    expect(frankfurt.status).toBe("ambiguous");
    expect(frankfurt.status === "ambiguous" && frankfurt.hits.map((h) => h.region.id)).toEqual(["06412", "12053"]);
    expect(resolver.resolve("Frankfurt am Main")).toMatchObject({status: "found", hit: {region: {id: "06412"}}});
    expect(resolver.resolve("99999").status).toBe("none");
    expect(resolver.resolve("Atlantis").status).toBe("none");
    expect(resolver.resolve("").status).toBe("none");
  });
});

describe("region resolver rules on a small index", () => {
  const entries: IndexEntry[] = [
    {id: "01001", name: "Altstadt, Stadt", level: "kreis", type: "Kreisfreie Stadt", land_name: "A", kreisfrei: true, population: 50_000},
    {id: "01002", name: "Altstadt", level: "kreis", type: "Landkreis", land_name: "A", kreisfrei: false, population: 300_000},
    {id: "01003", name: "Neustadt, Stadt", level: "kreis", type: "Kreisfreie Stadt", land_name: "A", kreisfrei: true, population: 90_000},
    {id: "02001", name: "Neustadt, Stadt", level: "kreis", type: "Kreisfreie Stadt", land_name: "B", kreisfrei: true, population: 120_000},
    {id: "01002011", name: "Burg", level: "gemeinde", kreis: "01002", population: 60_000}
  ];
  const small = createRegionResolver(entries);

  it("puts the kreisfreie Stadt before a larger Landkreis of the same name", () => {
    expect(small.search("Altstadt").map((h) => h.region.id)).toEqual(["01001", "01002"]);
  });

  it("puts the larger of two kreisfreie Städte first, and calls them ambiguous for the CLI", () => {
    expect(small.best("Neustadt")?.region.id).toBe("02001");
    expect(small.resolve("Neustadt")).toMatchObject({status: "ambiguous"});
  });

  it("reaches a Kreis through its Gemeinde by name and by key", () => {
    expect(small.best("Burg")).toMatchObject({region: {id: "01002"}, via: {id: "01002011"}});
    expect(small.best("1002011")).toMatchObject({region: {id: "01002"}, via: {id: "01002011"}});
  });
});
