/**
 * `--region`: a key ("05315", "5315", "11008008", Land "05", Bund "DG") or a name ("Köln",
 * "Koeln", "Hannover"), read with the same resolver as the site's search. Ambiguous names are a
 * usage error (exit 2) that lists the candidates; a name that fits nothing is exit 1.
 */
import {UsageError} from "../../loaders/common/errors.ts";
import {createRegionResolver, hitLabel, viaNote, type RegionResolver} from "../../src/shared/region-resolver.ts";
import {regionSearchIndex} from "../snapshot/search-index.ts";
import type {CommandIO} from "./command.ts";

export class UnknownRegionNameError extends Error {
  override name = "UnknownRegionNameError";
  constructor(readonly query: string) {
    super(`keine Region passt zu ${JSON.stringify(query)}: Name eines Kreises oder Bezirks, einer Gemeinde ab 50.000 Einwohnern oder ein Schlüssel wie "05315" (auch "5315"), "11008008", Land "05", Bund "DG"`);
  }
}

let shared: RegionResolver | undefined;
const defaultResolver = () => (shared ??= createRegionResolver(regionSearchIndex()));

/** The region id `--region` means; says on stderr when a name or Gemeinde was read as a Kreis. */
export function regionOption(value: unknown, io: Pick<CommandIO, "stderr">, resolver: () => RegionResolver = defaultResolver): string {
  if (typeof value !== "string" || value.trim() === "") throw new UsageError("--region fehlt: Schlüssel wie 05315 oder ein Name wie Köln");
  const query = value.trim();
  // Bund and Länder have no page to search for; keys of full length go to the warehouse as they are.
  if (/^(DG|\d{2})$/.test(query)) return query;
  const result = resolver().resolve(query);
  if (result.status === "found") {
    const {hit} = result;
    if (hit.region.id !== query) io.stderr.write(`kbm: --region ${JSON.stringify(query)} → ${hitLabel(hit)}${hit.via ? `\n      ${viaNote(hit)}` : ""}\n`);
    return hit.region.id;
  }
  if (/^\d{5}$|^\d{8}$/.test(query)) return query;
  if (result.status === "ambiguous") {
    throw new UsageError(`--region ${JSON.stringify(query)} ist mehrdeutig. Gemeint ist eine von:\n${result.hits.map((h) => `  ${hitLabel(h)}`).join("\n")}\nBitte den Schlüssel angeben, z. B. --region ${result.hits[0]!.region.id}`);
  }
  throw new UnknownRegionNameError(query);
}
