import {describe, expect, it} from "vitest";
import {cpSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {parseCommandArgs} from "../../../pipelines/cli/command.ts";
import {berlinDay, createReachCommand} from "../../../pipelines/cli/commands/reach.ts";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {readGermanCsv} from "../programme/german-csv-reader.ts";
import {captureIO} from "../../support/capture-io.ts";
import {countByAgency, countOverTime, countReach, EXAMPLE_DIR, rawSheet} from "../programme/count-sheets.ts";

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
    // Quarter ends and the publication day are reporting dates: people are counted on the day itself.
    expect(json.people_as_of).toBe(date);
    expect(json.eligible).toEqual(counted.eligible);
    expect(json.engaged).toEqual(counted.engaged);
    expect(json.funnel.map((f: {stage: string}) => f.stage)).toEqual(["eligible", "contact", "analysis", "agreement", "training", "topic_group"]);
    expect(json.funnel.map((f: {municipalities: number}) => f.municipalities)).toEqual(counted.funnel);
    expect(json.events).toEqual(counted.events);
    for (const [type, p] of Object.entries(counted.participants)) expect({type, people: json.participants[type].people, attendances: json.participants[type].attendances}).toEqual({type, ...p});
    expect(json.municipal_participants).toBe(counted.municipal_participants);
    const perDate = hide(counted.departments, counted.municipal_participants);
    if (date !== "2015-12-31") expect(json.departments).toEqual(perDate);
    else {
      // On 31.12.2015 the rule over time hides more than the date alone would: Soziales (10) is
      // 1 away from the value published on 28.08.2015 (9); Sonstige, the smallest other cell (12),
      // goes with it so that the total does not give Soziales away.
      const hidden = json.departments.filter((d: {people: number | null}) => d.people === null).map((d: {department: string}) => d.department);
      expect(hidden).toEqual(["Soziales", "Sonstige"]);
      const published = JSON.parse((await reach(["--as-of", "2015-08-28"])).stdout);
      const count = (d: string) => counted.departments.find((x) => x.department === d)!.people;
      expect(Math.abs(count("Soziales") - published.departments.find((x: {department: string}) => x.department === "Soziales").people)).toBe(1);
      expect(count("Sonstige")).toBe(Math.min(...counted.departments.filter((d) => d.department !== "Soziales").map((d) => d.people)));
      for (const d of json.departments.filter((x: {people: number | null}) => x.people !== null)) expect(d).toEqual(perDate.find((x) => x.department === d.department));
    }
  });

  it.each(["2014-12-31", "2015-08-28", "2015-10-15", "2015-12-31"])("as of %s: over_time and by_agency equal the counts made from the raw sheets", async (date) => {
    const json = JSON.parse((await reach(["--as-of", date])).stdout);
    const months = countOverTime(date);
    expect(json.over_time.map((m: {month: string; date: string}) => [m.month, m.date])).toEqual(months.map((m) => [m.month, m.date]));
    expect(json.over_time.map((m: {stages: Record<string, number>}) => Object.values(m.stages))).toEqual(months.map((m) => m.stages));
    expect(json.over_time.map((m: {events_held: number}) => m.events_held)).toEqual(months.map((m) => m.events_held));
    // The last month holds the as-of date's own figures.
    expect(Object.values(json.over_time.at(-1).stages)).toEqual(json.funnel.slice(1).map((f: {municipalities: number}) => f.municipalities));

    const agencies = countByAgency(date);
    expect(json.by_agency.map((a: {agency: string}) => a.agency)).toEqual(agencies.map((a) => a.agency));
    for (const [i, a] of agencies.entries()) {
      const got = json.by_agency[i];
      expect(got.funnel.map((f: {municipalities: number}) => f.municipalities), a.agency).toEqual(a.funnel);
      expect(got.events, a.agency).toEqual(a.events);
    }
    // People per agency are counted on the reporting date before the as-of date; shown ones equal the count.
    const onReportingDay = countByAgency(json.people_as_of);
    for (const [i, a] of onReportingDay.entries()) {
      if (json.by_agency[i].participants !== null) expect(json.by_agency[i].participants, a.agency).toBe(a.participants);
      if (json.by_agency[i].municipal_participants !== null) expect(json.by_agency[i].municipal_participants, a.agency).toBe(a.municipal_participants);
    }
    // Municipality counts add up: every eligible municipality belongs to exactly one agency.
    for (const [stage, f] of (json.funnel as {stage: string; municipalities: number}[]).entries()) {
      expect(json.by_agency.reduce((sum: number, a: {funnel: {municipalities: number}[]}) => sum + a.funnel[stage]!.municipalities, 0), f.stage).toBe(f.municipalities);
    }
    // Every held event has one organiser.
    const held = Object.values(json.events as Record<string, {held: number}>).reduce((sum, e) => sum + e.held, 0);
    expect(json.by_agency.reduce((sum: number, a: {events: {held: number}}) => sum + a.events.held, 0)).toBe(held);
  });

  it("a day between reporting dates shows the people of the last reporting date", async () => {
    const json = JSON.parse((await reach(["--as-of", "2015-11-20"])).stdout);
    expect(json.people_as_of).toBe("2015-09-30");
    expect(json.municipal_participants).toBe(countReach("2015-09-30").municipal_participants);
    // Municipalities and events are those of the day itself.
    expect(json.events).toEqual(countReach("2015-11-20").events);
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

  it("shows hidden cells as verborgen in CSV (1 or 2 people, or computable from other figures)", async () => {
    const rows = readGermanCsv((await reach(["--as-of", "2014-06-30", "--format", "csv"])).stdout);
    expect(rows.filter((r) => r[1] === "kommunale Teilnehmende nach Bereich (Personen)" && r[3] === "verborgen").map((r) => r[2])).toEqual(["Stadtentwicklung", "Soziales", "Sonstige"]);
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
