import {readFileSync} from "node:fs";
import {join} from "node:path";
import {InputError, UsageError} from "../../loaders/common/errors.ts";
import {parseCommandArgs, type CommandIO} from "./command.ts";
import {commands, type CommandEntry} from "./commands/index.ts";
import {meantSuffix, nearest} from "./suggest.ts";

export const EXIT_OK = 0;
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE = 2;

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "kbm – Kommunaler Bildungsmonitor",
    "",
    "Aufruf: kbm <befehl> [optionen]     (kbm help <befehl> oder kbm <befehl> --help für Details)",
    "",
    "Befehle:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Optionen: --help, --version",
    "Exit-Codes: 0 Erfolg, 1 Daten- oder Prüffehler, 2 falscher Aufruf."
  ].join("\n");
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../package.json"), "utf-8")) as {version: string};
  return pkg.version;
}

/** A reader that closed the pipe early (`kbm export … | head`): not an error. */
export function isClosedPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "EPIPE";
}

function unknownCommand(name: string, io: CommandIO): number {
  const suggestion = nearest(name, commands.map((c) => c.name));
  io.stderr.write(`kbm: unbekannter Befehl „${name}“.${meantSuffix(suggestion, (s) => `kbm ${s}`)}\n\n${usage()}\n`);
  return EXIT_USAGE;
}

async function showHelp(entry: CommandEntry, io: CommandIO): Promise<number> {
  const command = await entry.load();
  io.stdout.write(`${entry.summary}\n\n${command.help.trimEnd()}\n`);
  return EXIT_OK;
}

/** Runs the CLI and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || (name === "help" && rest.length === 0)) {
    (name === undefined ? io.stderr : io.stdout).write(usage() + "\n");
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (name === "--version" || name === "-V") {
    io.stdout.write(`kbm ${version()}\n`);
    return EXIT_OK;
  }
  if (name === "help") {
    const entry = commands.find((c) => c.name === rest[0]);
    return entry ? showHelp(entry, io) : unknownCommand(rest[0]!, io);
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    if (name.startsWith("-")) {
      io.stderr.write(`kbm: unbekannte Option ${name} vor dem Befehl.${meantSuffix(nearest(name.replace(/^-+/, ""), ["help", "version"]), (s) => `--${s}`)}\n\n${usage()}\n`);
      return EXIT_USAGE;
    }
    return unknownCommand(name, io);
  }
  if (rest.includes("--help") || rest.includes("-h")) return showHelp(entry, io);
  const command = await entry.load();
  try {
    const args = parseCommandArgs(command, rest);
    await command.run(args, io);
    return EXIT_OK;
  } catch (error) {
    if (isClosedPipe(error)) return EXIT_OK;
    if (error instanceof UsageError) {
      io.stderr.write(`kbm ${name}: ${error.message}\n\n${command.help.trimEnd()}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      io.stderr.write(`kbm ${name}: ${error.message}\n`);
      return EXIT_DATA_ERROR;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(`kbm ${name}: ${detail}\n`);
    return EXIT_DATA_ERROR;
  }
}
