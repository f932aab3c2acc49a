import {existsSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {checkOwnFiles, type CheckResult, type OwnFile} from "../../../src/shared/own-data/index.ts";
import {formatNumber} from "../../../src/components/format.ts";
import {readFileAsOwn, storeOwnData} from "../../own/store.ts";
import {profileRegions} from "../../snapshot/read.ts";
import {defineCommand, type CommandIO} from "../command.ts";

export const ownCommand = defineCommand({
  name: "own",
  summary: "Eigene kleinräumige Daten einer Kommune prüfen (check) oder für Warehouse und Profil ablegen (add)",
  help: `Aufruf: kbm own check DATEI [--meta DATEI] [--geo DATEI]
        kbm own add DATEI --region ID [--meta DATEI] [--geo DATEI] [--data-dir DIR]

  DATEI            Daten als CSV nach der Vorlage (docs/eigene-daten.md): gebiet_id;gebiet_name;
                   kennzahl;jahr;wert[;zaehler;nenner;hinweis], Trennzeichen ;, Dezimalkomma,
                   UTF-8 (mit oder ohne BOM) oder Windows-1252
  --meta DATEI     Beschreibung der Kennzahlen (kennzahl;name;einheit;definition;quelle;stichtag;polaritaet)
  --geo DATEI      Gebiete als GeoJSON (FeatureCollection mit gebiet_id), WGS84 oder EPSG:25832/25833
  --region ID      Kreis oder Berliner Bezirk, zu dem die Daten gehören (Schlüssel wie 05315)
  --data-dir DIR   Datenordner (Standard: data); abgelegt wird in DIR/own/<ID>/

check: dieselbe Prüfung wie die Seite /eigene-daten/. Jedes Problem als eine Zeile nach stdout
(Datei, Zeile, Feld, was erwartet war, was dastand); Hinweise beginnen mit "Hinweis:".
Exit-Code 1 bei Fehlern.
add: prüft ebenso und legt die Dateien nur ohne Fehler in data/own/<ID>/ ab (ersetzt, was dort
lag). data/own/ ist nicht versioniert; "kbm data" lädt die Dateien in die Tabellen own_*;
auf der Seite erscheinen sie nur mit "KBM_OWN=1 npm run build".`,
  options: {meta: {type: "string"}, geo: {type: "string"}, region: {type: "string"}, "data-dir": {type: "string"}, snapshot: {type: "string"}},
  positionals: {min: 2, max: 2, names: "check DATEI oder add DATEI --region ID"},
  async run({values, positionals}, io) {
    const [action, dataPath] = positionals as [string, string];
    if (action !== "check" && action !== "add") throw new UsageError(`"kbm own" erwartet check oder add, bekam ${JSON.stringify(action)}`);
    const file = (path: unknown, option: string): OwnFile | null => {
      if (path === undefined) return null;
      if (typeof path !== "string") throw new UsageError(`--${option} erwartet einen Dateinamen`);
      const full = resolve(io.cwd, path);
      if (!existsSync(full)) throw new UsageError(`Datei ${path} gibt es nicht`);
      return readFileAsOwn(full, relative(io.cwd, full) || path);
    };
    let region: string | undefined;
    if (action === "add") {
      if (typeof values.region !== "string") throw new UsageError("kbm own add braucht --region ID (Kreis oder Berliner Bezirk)");
      region = values.region;
      const known = profileRegions(resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot"));
      if (!known.some((r) => r.id === region)) throw new UsageError(`--region: ${JSON.stringify(region)} ist kein Kreis und kein Berliner Bezirk des Snapshots (kbm regions --level kreis)`);
    }
    const files = {data: file(dataPath, "DATEI")!, meta: file(values.meta, "meta"), geo: file(values.geo, "geo")};
    const result = checkOwnFiles(files);
    report(result, io);
    if (result.errors > 0) throw new Error(`${result.errors} ${result.errors === 1 ? "Fehler" : "Fehler"} in den eigenen Daten${action === "add" ? ", nichts abgelegt" : ""}`);
    if (action === "add") {
      const dataDir = resolve(io.cwd, typeof values["data-dir"] === "string" ? values["data-dir"] : "data");
      await storeOwnData(dataDir, region!, files);
      io.stderr.write(`Abgelegt in ${relative(io.cwd, join(dataDir, "own", region!))}/ (nicht versioniert). Weiter mit: kbm data, dann KBM_OWN=1 npm run build\n`);
    }
  }
});

function report(result: CheckResult, io: CommandIO): void {
  for (const p of result.problems) io.stdout.write(`${p.severity === "hinweis" ? "Hinweis: " : ""}${p.message}\n`);
  if (!result.dataset) return;
  const d = result.dataset;
  const indicators = new Set(d.rows.map((r) => r.kennzahl)).size;
  const years = [...new Set(d.rows.map((r) => r.jahr))].sort();
  const parts = [
    `${formatNumber(d.rows.length, 0)} Zeilen (${d.encoding.data})`,
    `${indicators} ${indicators === 1 ? "Kennzahl" : "Kennzahlen"}`,
    `${years.length === 1 ? "Jahr" : "Jahre"} ${years.length > 2 ? `${years[0]}–${years.at(-1)}` : years.join(", ")}`,
    d.meta.length ? `${d.meta.length} beschrieben` : "ohne Beschreibung der Kennzahlen",
    d.areas ? `${d.areas.features.length} Gebiete (${d.crs}${d.crs === "WGS84" ? "" : " → WGS84"})` : "ohne Gebiete"
  ];
  io.stderr.write(`Eigene Daten in Ordnung: ${parts.join(", ")}\n`);
}
