// Profiles: a municipality's own data ("Eigene Kennzahlen"). Empty unless built with KBM_OWN=1 (docs/eigene-daten.md).
import {ownRegionData} from "../../pipelines/exports/own-data.ts";
import {DEFAULT_WAREHOUSE, withWarehouse} from "../../pipelines/warehouse/open.ts";

const included = process.env.KBM_OWN === "1";
const regions = included ? await withWarehouse(DEFAULT_WAREHOUSE, (c) => ownRegionData(c)) : {};
if (included) process.stderr.write(`Eigene Daten in der Seite: ${Object.keys(regions).join(", ") || "keine"}\n`);
process.stdout.write(JSON.stringify({included, regions}));
