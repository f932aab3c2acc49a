// What every profile page needs beside its own file, one archive: peer-groups.json (the warehouse's
// peer groups with their members), profile-meta.json (full registry entries and the source catalogue)
// and region-index.json (the region search on every page, also read by the home page).
import {indicatorCatalog, peerGroups} from "../../pipelines/exports/catalog.ts";
import {zipMembers} from "../../pipelines/exports/archive.ts";
import {sourcesCatalogue} from "../../pipelines/exports/sources-catalogue.ts";
import {regionSearchIndex} from "../../pipelines/snapshot/search-index.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

const files = await withWarehouse(DEFAULT_WAREHOUSE, async (c) => ({
  "peer-groups.json": JSON.stringify(await peerGroups(c)),
  "profile-meta.json": JSON.stringify({
    indicators: (await indicatorCatalog(c)).map((e) => e.indicator),
    sources: (await sourcesCatalogue(c)).map(({indicators: _i, observations: _o, ...source}) => source)
  })
}));
process.stdout.write(zipMembers({...files, "region-index.json": JSON.stringify(regionSearchIndex())}));
