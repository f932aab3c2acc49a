/** Reads the committed snapshot back (for the CLI and tests), validated with the format's schemas. */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {z} from "zod";
import {parseDecimal, readCsvFile} from "../../loaders/common/csv.ts";
import {InputError} from "../../loaders/common/errors.ts";
import {SNAPSHOT_FILES, indicatorSchema, regionSchema, type Indicator, type Region} from "./format.ts";

export function readSnapshotRegions(dir: string): Region[] {
  const path = join(dir, SNAPSHOT_FILES.regions);
  const label = path;
  return readCsvFile(path, label, {required: Object.keys(regionSchema.shape)}).map(({line, fields}) => {
    const number = (field: string) => parseDecimal(fields[field]!, label, line, field);
    const kreisfrei = fields.kreisfrei === "true" ? true : fields.kreisfrei === "false" ? false : null;
    const result = regionSchema.safeParse({
      id: fields.id,
      name: fields.name,
      level: fields.level,
      type: fields.type,
      parent: fields.parent,
      land: fields.land,
      kreisfrei,
      bbsr_kreistyp: number("bbsr_kreistyp"),
      population: number("population"),
      population_date: fields.population_date,
      area_km2: number("area_km2")
    });
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw new InputError({file: label, line, field: issue.path.join(".")}, issue.message);
    }
    return result.data;
  });
}

export function readSnapshotIndicators(dir: string): Indicator[] {
  const path = join(dir, SNAPSHOT_FILES.indicators);
  const result = z.array(indicatorSchema).safeParse(JSON.parse(readFileSync(path, "utf-8")));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InputError({file: path, field: issue.path.join(".")}, issue.message);
  }
  return result.data;
}

/** The regions with a profile page: the Kreise and Berlin's districts. */
export function profileRegions(dir: string): Region[] {
  return readSnapshotRegions(dir).filter((r) => r.level === "kreis" || r.level === "bezirk");
}
