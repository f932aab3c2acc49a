import {describe, expect, it} from "vitest";
import {cpSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {parseCommandArgs} from "../../../pipelines/cli/command.ts";
import {berlinDay, createReachCommand} from "../../../pipelines/cli/commands/reach.ts";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {readGermanCsv} from "../programme/german-csv-reader.ts";
import {captureIO} from "../../support/capture-io.ts";
import {countReach, EXAMPLE_DIR, rawSheet} from "../programme/count-sheets.ts";

const root = resolve(import.meta.dirname, "../../..");

async function reach(args: string[]) {
  const c = captureIO(root);
  const code = await runCli(["reach", ...args], c.io);
  return {code, stdout: c.stdout(), stderr: c.stderr()};
}

/** Suppression as documented: 1 or 2 people hidden; if exactly one is hidden, the next smallest too. */
function hide(departments: {department: string; people: number}[], total: number) {
  const small = (n: number) => n > 0 && n < 3;
  const hidden = new Set(departments.filter((d) => small(d.people)).map((d) => d.department));
  if (hidden.size === 1) {
    const next = departments.filter((d) => !hidden.has(d.department) && d.people > 0).sort((a, b) => a.people - b.people)[0];
    if (next) hidden.add(next.department);
  }
  return departments.map((d) => (hidden.has(d.department) ? {department: d.department, people: null, share: null} : {department: d.department, people: d.people, share: Math.round((d.people / total) * 10_000) / 10_000}));
}

describe("kbm reach --format json on the example data", () => {
  it.each(["2014-06-30", "2015-08-28", "2015-12-31"])("as of %s equals the figures counted from the raw sheets", async (date) => {
    const {code, stdout, stderr} = await reach(["--as-of", date, "--format", "json"]);
    expect(code, stderr).toBe(EXIT_OK);
    const json = JSON.parse(stdout);
    const counted = countReach(date);
    expect(json.as_of).toBe(date);
    expect(json.eligible).toEqual(counted.eligible);
    expect(json.engaged).toEqual(counted.engaged);
    expect(json.funnel.map((f: {stage: string}) => f.stage)).toEqual(["eligible", "contact", "analysis", "agreement", "training", "topic_group"]);
    expect(json.funnel.map((f: {municipalities: number}) => f.municipalities)).toEqual(counted.funnel);
    expect(json.events).toEqual(counted.events);
    for (const [type, p] of Object.entries(counted.participants)) expect({type, people: json.participants[type].people, attendances: json.participants[type].attendances}).toEqual({type, ...p});
    expect(json.municipal_participants).toBe(counted.municipal_participants);
    expect(json.departments).toEqual(hide(counted.departments, counted.municipal_participants));
  });

  it("as of 28.08.2015 gives exactly the published figures", async () => {
    const json = JSON.parse((await reach(["--as-of", "28.08.2015"])).stdout);
    expect(json.eligible).toEqual({total: 26, berlin_districts: 12});
    expect(json.engaged).toEqual({total: 21, berlin_districts: 10});
    expect(json.events.Auftaktveranstaltung.held).toBe(1);
    expect(json.events.Kommunalsalon.held).toBe(6);
    expect(json.participants.Kommunalsalon.people).toBe(197);
    expect(json.participants.Kommunalsalon.organisations).toEqual(["Kommune", "Wissenschaft", "Stiftung", "Verband"]);
    expect(json.events.Analyseworkshop).toEqual({held: 5, planned: 10, cancelled: 0});
    const share = (d: string) => Math.round(json.departments.find((x: {department: string}) => x.department === d).share * 100);
    expect([share("Jugend"), share("Schule"), share("Koordinierung Bildung")]).toEqual([22, 20, 32]);
    expect(json.source).toBe("Programmdaten (Beispieldaten, Zuordnung der Städte illustrativ), Stand der Liste 31.12.2015");
  });

  it("the ten workshops planned on 28.08.2015 all lie between 29.08. and 31.12.2015 and are held by the end of the year", async () => {
    const later = rawSheet("veranstaltungen.csv").filter((e) => e.typ === "Analyseworkshop" && e.datum!.split(".").reverse().join("-") > "2015-08-28");
    expect(later.map((e) => e.datum!.split(".").reverse().join("-")).every((d) => d >= "2015-08-29" && d <= "2015-12-31")).toBe(true);
    expect(later).toHaveLength(10);
    const json = JSON.parse((await reach(["--as-of", "2015-12-31"])).stdout);
    expect(json.events.Analyseworkshop).toEqual({held: 15, planned: 0, cancelled: 0});
  });

  it("writes German CSV with --format csv", async () => {
    const {code, stdout} = await reach(["--as-of", "2015-08-28", "--format", "csv"]);
    expect(code).toBe(EXIT_OK);
    expect(stdout.startsWith("\uFEFFstichtag;kennzahl;gruppe;wert\r\n")).toBe(true);
    const rows = readGermanCsv(stdout);
    expect(rows).toContainEqual(["2015-08-28", "Kommunen im Austausch", "insgesamt", "21"]);
    expect(rows).toContainEqual(["2015-08-28", "kommunale Teilnehmende nach Bereich (Anteil)", "Jugend", "0,22"]);
    expect(rows).toContainEqual(["2015-08-28", "Teilnehmende (Personen)", "Kommunalsalon", "197"]);
  });

  it("shows hidden cells as < 3 in CSV", async () => {
    const rows = readGermanCsv((await reach(["--as-of", "2014-06-30", "--format", "csv"])).stdout);
    expect(rows.filter((r) => r[1] === "kommunale Teilnehmende nach Bereich (Personen)" && r[3] === "< 3").map((r) => r[2])).toEqual(["Stadtentwicklung", "Soziales", "Sonstige"]);
  });
});

describe("kbm reach: clock, options and errors", () => {
  it("defaults to today in Berlin from its clock, and says when the lists end earlier", async () => {
    const command = createReachCommand(() => new Date("2015-08-27T22:30:00Z"));
    const c = captureIO(root);
    await command.run(parseCommandArgs(command, []), c.io);
    expect(JSON.parse(c.stdout()).as_of).toBe("2015-08-28");
    expect(c.stderr()).toBe("");
    const later = createReachCommand(() => new Date("2026-01-15T12:00:00Z"));
    const d = captureIO(root);
    await later.run(parseCommandArgs(later, []), d.io);
    expect(d.stderr()).toBe("Hinweis: Die Listen haben Stand 31.12.2015; was danach geschah, ist nicht erfasst.\n");
  });

  it("berlinDay uses the calendar of Berlin, not UTC", () => {
    expect(berlinDay(new Date("2015-12-31T23:30:00Z"))).toBe("2016-01-01");
    expect(berlinDay(new Date("2015-06-30T21:59:00Z"))).toBe("2015-06-30");
  });

  it("exits 2 on a bad date or format", async () => {
    expect((await reach(["--as-of", "31.02.2015"])).code).toBe(EXIT_USAGE);
    expect((await reach(["--as-of", "31.02.2015"])).stderr).toContain('--as-of erwartet ein Datum TT.MM.JJJJ oder JJJJ-MM-TT, bekam "31.02.2015"');
    expect((await reach(["--format", "xml"])).code).toBe(EXIT_USAGE);
  });

  it("exits 1 and lists the problems when a sheet is bad", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kbm-reach-"));
    try {
      cpSync(EXAMPLE_DIR, dir, {recursive: true});
      writeFileSync(join(dir, "module.csv"), "id;nummer;name\nM1;1;Einführung\nM1;2;Doppelt\n");
      const c = captureIO(dir);
      const code = await runCli(["reach", "--dir", ".", "--as-of", "2015-08-28"], c.io);
      expect(code).toBe(EXIT_DATA_ERROR);
      expect(c.stdout()).toBe("");
      expect(c.stderr()).toContain("Probleme in den Programmlisten (Details: kbm check)");
      expect(c.stderr()).toContain('module.csv, Zeile 3, Feld "id": erwartet: eine eindeutige ID (schon in Zeile 2), gefunden: "M1"');
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("answers --help", async () => {
    const {code, stdout} = await reach(["--help"]);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain("Aufruf: kbm reach [--as-of DATUM] [--format json|csv]");
  });
});
