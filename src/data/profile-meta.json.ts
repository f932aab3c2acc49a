// Profile pages: full registry entries (for source notes and missing-data lists) and the source catalogue.
import {indicatorCatalog} from "../../pipelines/exports/catalog.ts";
import {sourcesCatalogue} from "../../pipelines/exports/sources-catalogue.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

const meta = await withWarehouse(DEFAULT_WAREHOUSE, async (c) => ({
  indicators: (await indicatorCatalog(c)).map((e) => e.indicator),
  sources: (await sourcesCatalogue(c)).map(({indicators: _i, observations: _o, ...source}) => source)
}));
process.stdout.write(JSON.stringify(meta));
