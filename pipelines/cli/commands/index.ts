/**
 * Every kbm command, in the order `kbm --help` lists them: data in, warehouse, out, programme.
 *
 * One line per command: its name, the summary `kbm --help` shows, and how to load it. A command's
 * module (and what it imports: DuckDB, Chromium, the parsers) is loaded only when that command
 * runs, so `kbm --help` and `kbm regions` start without them. To add a command: write
 * `commands/<name>.ts` exporting a `defineCommand({...})`, and add its line here.
 */
import type {Command} from "../command.ts";

export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** The module's command: the exported `defineCommand` value with this name. */
const lazy = (name: string, summary: string, load: () => Promise<Record<string, unknown>>): CommandEntry => ({
  name,
  summary,
  load: async () => {
    const command = Object.values(await load()).find((value): value is Command => (value as Command | undefined)?.name === name);
    if (!command) throw new Error(`commands/index.ts: the module for "${name}" exports no command of that name`);
    return command;
  }
});

export const commands: CommandEntry[] = [
  lazy("import", "Quelldateien (Aufbau wie ../shared) in den Snapshot data/snapshot/ übernehmen", () => import("./import.ts")),
  lazy("parse", "GENESIS-Datei (ffcsv, Tabellen-CSV oder ZIP) lesen und jede Datenzelle als Datensatz ausgeben", () => import("./parse.ts")),
  lazy("pull", "Eine GENESIS-Tabelle live abrufen und als Aktualisierung nach data/updates/ schreiben", () => import("./pull.ts")),
  lazy("data", "Warehouse data/warehouse.duckdb aus Snapshot und Aktualisierungen bauen (atomar, geprüft)", () => import("./data.ts")),
  lazy("regions", "Regionen des Snapshots ausgeben (Bund, Länder, Kreise, Berliner Bezirke und Planungsräume)", () => import("./regions.ts")),
  lazy("indicators", "Indikatorenregister des Snapshots ausgeben", () => import("./indicators.ts")),
  lazy("export", "Das ganze Profil einer Region aus dem Warehouse ausgeben (JSON oder CSV für Excel)", () => import("./export.ts")),
  lazy("peers", "Die ähnlichen Kommunen einer Region mit Distanz und Beitrag jedes Kontextmerkmals", () => import("./peers.ts")),
  lazy("pdf", "Kommunalprofil als A4-Steckbrief (PDF) drucken, mit headless Chromium", () => import("./pdf.ts")),
  lazy("bericht", "Berichtsentwurf einer Region (Word, Markdown oder HTML) aus dem Warehouse schreiben", () => import("./bericht.ts")),
  lazy("check", "Programmlisten (data/programme) prüfen: jedes Problem mit Datei, Zeile und Feld", () => import("./check.ts")),
  lazy("reach", "Reichweite des Programms zu einem Stichtag (aus den Programmlisten berechnet)", () => import("./reach.ts")),
  lazy("own", "Eigene kleinräumige Daten einer Kommune prüfen (check) oder für Warehouse und Profil ablegen (add)", () => import("./own.ts")),
  lazy("programme", "Programmlisten als Excel-Arbeitsmappe: einlesen (import) oder leere Vorlage schreiben (vorlage)", () => import("./programme.ts"))
];
