// Region search on every page: id, name, level, type and Land of every Kreis and district.
import {regionDirectory} from "../../pipelines/exports/catalog.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

const regions = await withWarehouse(DEFAULT_WAREHOUSE, regionDirectory);
const searchable = regions.filter((r) => r.level === "kreis" || r.level === "bezirk");
process.stdout.write(JSON.stringify(searchable.map((r) => ({id: r.id, name: r.name, level: r.level, type: r.type, land_name: r.land_name}))));
