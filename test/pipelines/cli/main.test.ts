import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {InputError} from "../../../loaders/common/errors.ts";
import {defineCommand} from "../../../pipelines/cli/command.ts";
import {commands} from "../../../pipelines/cli/commands/index.ts";
import {EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE, runCli} from "../../../pipelines/cli/main.ts";
import {captureIO} from "../../support/capture-io.ts";

describe("kbm", () => {
  it("lists every command with --help on stdout and exits 0", async () => {
    const c = captureIO();
    expect(await runCli(["--help"], c.io)).toBe(EXIT_OK);
    for (const command of commands) expect(c.stdout()).toContain(`  ${command.name} `);
    expect(c.stdout()).toContain("Exit-Codes");
    expect(c.stderr()).toBe("");
  });

  it("prints the usage on stderr and exits 2 without a command", async () => {
    const c = captureIO();
    expect(await runCli([], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("Aufruf: kbm <befehl>");
    expect(c.stdout()).toBe("");
  });

  it("exits 2 and names an unknown command", async () => {
    const c = captureIO();
    expect(await runCli(["frobnicate"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("unbekannter Befehl „frobnicate“");
  });

  it("answers --help for every command", async () => {
    for (const command of commands) {
      const c = captureIO();
      expect(await runCli([command.name, "--help"], c.io), command.name).toBe(EXIT_OK);
      expect(c.stdout()).toContain(`kbm ${command.name}`);
    }
  });

  it("exits 2 on an unknown option, with the command's help", async () => {
    const c = captureIO();
    expect(await runCli(["import", "--frobnicate"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toMatch(/kbm import: .*frobnicate/);
    expect(c.stderr()).toContain("Aufruf: kbm import");
  });

  it("exits 2 when a required option is missing", async () => {
    const c = captureIO();
    expect(await runCli(["import"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("--from DIR fehlt");
  });
});

describe("error mapping", () => {
  it("maps an InputError to exit 1 with file, line and field, and keeps stdout clean", async () => {
    const failing = defineCommand({
      name: "fail",
      summary: "fails",
      help: "Aufruf: kbm fail",
      options: {},
      async run() {
        throw new InputError({file: "a.csv", line: 7, field: "wert"}, "eine Zahl", "abc");
      }
    });
    commands.push({name: "fail", summary: "fails", load: async () => failing});
    try {
      const c = captureIO();
      expect(await runCli(["fail"], c.io)).toBe(EXIT_DATA_ERROR);
      expect(c.stderr()).toBe('kbm fail: a.csv, Zeile 7, Feld "wert": erwartet: eine Zahl, gefunden: "abc"\n');
      expect(c.stdout()).toBe("");
    } finally {
      commands.pop();
    }
  });
});

describe("a friendly CLI", () => {
  it("prints the version of package.json with --version", async () => {
    const c = captureIO();
    expect(await runCli(["--version"], c.io)).toBe(EXIT_OK);
    expect(c.stdout()).toBe(`kbm ${JSON.parse(readFileSync("package.json", "utf-8")).version}\n`);
  });

  it("answers kbm help <command> like kbm <command> --help", async () => {
    const a = captureIO();
    const b = captureIO();
    expect(await runCli(["help", "export"], a.io)).toBe(EXIT_OK);
    expect(await runCli(["export", "--help"], b.io)).toBe(EXIT_OK);
    expect(a.stdout()).toContain("Aufruf: kbm export --region");
    expect(a.stdout()).toBe(b.stdout());
  });

  it("suggests the nearest option in German and exits 2", async () => {
    const c = captureIO();
    expect(await runCli(["export", "--regoin", "05315"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr().split("\n")[0]).toBe("kbm export: unbekannte Option --regoin. Meinten Sie `--region`?");
    expect(c.stdout()).toBe("");
  });

  it("suggests the nearest command and exits 2, also for kbm help <typo>", async () => {
    const c = captureIO();
    expect(await runCli(["exprot", "--region", "05315"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr().split("\n")[0]).toBe("kbm: unbekannter Befehl „exprot“. Meinten Sie `kbm export`?");
    const h = captureIO();
    expect(await runCli(["help", "regoins"], h.io)).toBe(EXIT_USAGE);
    expect(h.stderr()).toContain("Meinten Sie `kbm regions`?");
  });

  it("says in German when an option lacks its value, and suggests a --format", async () => {
    const c = captureIO();
    expect(await runCli(["regions", "--level"], c.io)).toBe(EXIT_USAGE);
    expect(c.stderr()).toContain("--level braucht einen Wert");
    const f = captureIO();
    expect(await runCli(["regions", "--format", "jsno"], f.io)).toBe(EXIT_USAGE);
    expect(f.stderr()).toContain("Meinten Sie `json`?");
  });

  it("keeps the summary a command file gives equal to its line in the command table", async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      if (command.summary !== undefined) expect(command.summary, entry.name).toBe(entry.summary);
    }
  });
});
