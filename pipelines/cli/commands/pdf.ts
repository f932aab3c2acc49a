import {join, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {renderProfilePdfs} from "../../site/pdf.ts";
import {profileRegions} from "../../snapshot/read.ts";
import {defineCommand} from "../command.ts";
import {regionOption} from "../region-option.ts";

export const pdfCommand = defineCommand({
  name: "pdf",
  summary: "Kommunalprofil als A4-Steckbrief (PDF) drucken, mit headless Chromium",
  help: `Aufruf: kbm pdf --region ID [--out DATEI] [--gruppe GRUPPE]
       kbm pdf --all --out ORDNER [--gruppe GRUPPE]

  --region ID      Kreis oder Berliner Bezirk: Schlüssel (05315, 5315, 11008008) oder Name (Köln)
  --out DATEI      Ziel-PDF (Standard: profil-ID.pdf); mit --all ein Ordner
  --all            ein PDF je Region (400 Kreise, 12 Bezirke) in ORDNER
  --gruppe GRUPPE  Vergleichsgruppe (grossstaedte, kreisfrei, landkreise, kreise, …)
  --dist ORDNER    gebaute Seite (Standard: dist; vorher "npm run build")

Braucht Chromium (/usr/bin/chromium oder KBM_CHROMIUM).`,
  options: {region: {type: "string"}, out: {type: "string"}, all: {type: "boolean"}, gruppe: {type: "string"}, dist: {type: "string"}},
  async run({values}, io) {
    const dist = resolve(io.cwd, typeof values.dist === "string" ? values.dist : "dist");
    const group = typeof values.gruppe === "string" ? values.gruppe : undefined;
    if (group !== undefined && !/^[a-z0-9_]+$/.test(group)) throw new UsageError(`--gruppe erwartet eine Gruppen-ID wie grossstaedte, bekam ${JSON.stringify(group)}`);
    let jobs;
    if (values.all === true) {
      if (typeof values.region === "string") throw new UsageError("--all und --region schließen sich aus");
      if (typeof values.out !== "string") throw new UsageError("--all braucht --out ORDNER");
      const dir = resolve(io.cwd, values.out);
      jobs = profileRegions(join(io.cwd, "data/snapshot")).map(({id}) => ({region: id, out: join(dir, `profil-${id}.pdf`)}));
    } else {
      if (typeof values.region !== "string") throw new UsageError("--region ID oder --all fehlt");
      const region = regionOption(values.region, io);
      if (!/^\d{5}$|^\d{8}$/.test(region)) throw new UsageError(`--region erwartet einen Kreis oder Berliner Bezirk (05315, Köln, 11008008), bekam ${JSON.stringify(values.region)}`);
      jobs = [{region, out: resolve(io.cwd, typeof values.out === "string" ? values.out : `profil-${region}.pdf`)}];
    }
    await renderProfilePdfs(dist, jobs, {group, log: (m) => io.stderr.write(m + "\n")});
  }
});
