/**
 * The extract of Regionaldatenbank table 22543-03-01-4-B (children in day care, Kita and
 * Tagespflege) made by another project: `{"AGS": {"rate": …, "count": …}}`. Only `count`, the
 * children under 3 in care on 01.03.2025, is official; `rate` is that project's unweighted mean of
 * three single-year rates (SOURCES.md §6) and is deliberately not read.
 */
import {readFileSync} from "node:fs";
import {z} from "zod";
import {InputError} from "../common/errors.ts";

const fileSchema = z.record(
  z.string().regex(/^(\d{5}|\d{8})$/, "Kreis- oder Gemeindeschlüssel"),
  z.object({count: z.number().int().nonnegative(), rate: z.unknown()})
);

export interface KitaU3Count {
  region: string;
  /** Children under 3 in Kitas or Tagespflege on 01.03.2025. */
  count: number;
}

export function readKitaU3Extract(path: string, label: string): KitaU3Count[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf-8"));
  } catch (error) {
    throw new InputError({file: label}, "JSON-Objekt {Schlüssel: {rate, count}}", (error as Error).message);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError({file: label, field: issue.path.join(".")}, issue.message, "");
  }
  return Object.entries(parsed.data)
    .map(([region, v]) => ({region, count: v.count}))
    .sort((a, b) => (a.region < b.region ? -1 : 1));
}
