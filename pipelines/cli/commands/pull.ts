import {resolve} from "node:path";
import {UsageError} from "../../../loaders/common/errors.ts";
import {DEFAULT_DEADLINE_MS, DEFAULT_STALL_MS, GENESIS_BASE_URLS, type FetchTableOptions, type GenesisSource} from "../../../loaders/genesis/client.ts";
import {pullTable} from "../../updates/pull.ts";
import {changeReport, setAsideReport} from "../../updates/report.ts";
import {TABLE_MAPPINGS} from "../../updates/table-mappings.ts";
import {choice, defineCommand} from "../command.ts";

const SOURCES = Object.keys(GENESIS_BASE_URLS) as GenesisSource[];
const LISTED = 20;

/** `kbm pull` with its client options (tests pass a clock or short retries). */
export function createPullCommand(client: Pick<FetchTableOptions, "now" | "fetch" | "retry" | "timeoutMs" | "stallMs" | "deadlineMs" | "job"> = {}) {
  return defineCommand({
    name: "pull",
    summary: "Eine GENESIS-Tabelle live abrufen und als Aktualisierung nach data/updates/ schreiben",
    help: `Aufruf: kbm pull --table CODE [--from JAHR] [--to JAHR] [--source regionalstatistik|genesis-online]
                [--dry-run] [--all] [--deadline SEKUNDEN] [--stall SEKUNDEN] [--snapshot DIR] [--updates DIR]

  --table CODE      GENESIS-Tabelle; unterstützt: ${TABLE_MAPPINGS.map((m) => m.table).join(", ")}
  --from JAHR       erstes Jahr (startyear; ohne Angabe liefert GENESIS meist nur das neueste)
  --to JAHR         letztes Jahr (endyear)
  --source S        regionalstatistik (Standard, Regionaldatenbank) oder genesis-online (Destatis)
  --dry-run         abrufen, zuordnen und vergleichen, aber keine Datei schreiben
  --all             jede geänderte Zahl auflisten (sonst höchstens ${LISTED} je Abschnitt)
  --deadline S      Gesamtfrist für den Abruf mit allen Versuchen in Sekunden (Standard: ${DEFAULT_DEADLINE_MS / 1000})
  --stall S         Abbruch, wenn GENESIS so viele Sekunden nichts sendet (Standard: ${DEFAULT_STALL_MS / 1000})
  --snapshot DIR    Snapshot-Ordner (Standard: data/snapshot)
  --updates DIR     Ordner der Aktualisierungen (Standard: data/updates)

Zugangsdaten: KBM_GENESIS_USERNAME und KBM_GENESIS_PASSWORD oder KBM_GENESIS_TOKEN, aus der Umgebung
oder aus der Datei .env im Arbeitsverzeichnis; sie werden nie ausgegeben oder geschrieben.
KBM_GENESIS_URL setzt eine andere Basis-URL (Tests: ein lokaler Server).

Die Rohantwort kommt nach data/raw/<quelle>/, die Werte (Zuordnung zu den Indikatoren des Registers,
nur Regionen des Snapshots, Wertebereich geprüft) nach data/updates/<JJJJ-MM-TT>-<tabelle>.csv,
die Quellenangabe nach data/updates/sources.json. stdout zeigt, was sich gegenüber Snapshot und
bisherigen Aktualisierungen ändert (neue Zeiträume, revidierte Werte alt → neu, Kennzeichen, Anzahl je
Indikator); stderr, was nicht übernommen wurde (aufgelöste Kreise, Gemeinden, Regierungsbezirke …).
kbm data wendet die Datei an; zurücknehmen: die Datei löschen und kbm data erneut ausführen.
Exit 1 bei fehlenden Zugangsdaten, nicht unterstützter Tabelle, Fehlern von GENESIS oder Werten außerhalb
des Wertebereichs (dann wird nichts geschrieben).`,
    options: {
      table: {type: "string"},
      from: {type: "string"},
      to: {type: "string"},
      source: {type: "string"},
      "dry-run": {type: "boolean"},
      all: {type: "boolean"},
      deadline: {type: "string"},
      stall: {type: "string"},
      snapshot: {type: "string"},
      updates: {type: "string"}
    },
    async run({values}, io) {
      const table = values.table;
      if (typeof table !== "string" || table.trim() === "") throw new UsageError("--table CODE fehlt");
      const from = year(values.from, "from");
      const to = year(values.to, "to");
      if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} liegt nach --to ${to}`);
      const source = choice(values.source, SOURCES, "source", "regionalstatistik");
      const deadline = seconds(values.deadline, "deadline");
      const stall = seconds(values.stall, "stall");
      const log = (message: string) => io.stderr.write(`${message}\n`);
      const result = await pullTable({
        table: table.trim(),
        ...(from === undefined ? {} : {from}),
        ...(to === undefined ? {} : {to}),
        source,
        cwd: io.cwd,
        env: io.env,
        snapshotDir: resolve(io.cwd, typeof values.snapshot === "string" ? values.snapshot : "data/snapshot"),
        updatesDir: resolve(io.cwd, typeof values.updates === "string" ? values.updates : "data/updates"),
        dryRun: values["dry-run"] === true,
        log,
        client: {...client, ...(deadline === undefined ? {} : {deadlineMs: deadline * 1000}), ...(stall === undefined ? {} : {stallMs: stall * 1000})}
      });
      for (const warning of result.warnings) log(warning);
      for (const line of setAsideReport(result.setAside, result.missingIndicators)) log(line);
      if (result.mapping.note) log(`Hinweis zu ${result.mapping.table}: ${result.mapping.note}`);
      io.stdout.write(`${changeReport(result, {cwd: io.cwd, limit: values.all === true ? Infinity : LISTED}).join("\n")}\n`);
    }
  });
}

function seconds(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || !/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw new UsageError(`--${option} erwartet Sekunden (eine Zahl größer 0), bekam ${JSON.stringify(value)}`);
  return n;
}

function year(value: unknown, option: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const number = Number(text);
  if (!/^\d{4}$/.test(text) || number < 1900 || number > 2100) throw new UsageError(`--${option} erwartet eine Jahreszahl wie 2015, bekam ${JSON.stringify(value)}`);
  return number;
}

export const pullCommand = createPullCommand();
