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
    expect(c.stderr()).toContain('unbekannter Befehl "frobnicate"');
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
    commands.push(failing);
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
