// Region search on every page: every Kreis and district (id, name, level, type, Land, kreisfrei,
// population), then the Gemeinden ≥ 50,000 inside Landkreise (level "gemeinde", with their Kreis).
import {regionSearchIndex} from "../../pipelines/snapshot/search-index.ts";

process.stdout.write(JSON.stringify(regionSearchIndex()));
