import {InputError, UsageError} from "../../loaders/common/errors.ts";
import {parseCommandArgs, type CommandIO} from "./command.ts";
import {commands} from "./commands/index.ts";

export const EXIT_OK = 0;
export const EXIT_DATA_ERROR = 1;
export const EXIT_USAGE = 2;

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "kbm – Kommunaler Bildungsmonitor",
    "",
    "Aufruf: kbm <befehl> [optionen]     (kbm <befehl> --help für Details)",
    "",
    "Befehle:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Exit-Codes: 0 Erfolg, 1 Daten- oder Prüffehler, 2 falscher Aufruf."
  ].join("\n");
}

/** Runs the CLI and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout).write(usage() + "\n");
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`kbm: unbekannter Befehl "${name}"\n\n${usage()}\n`);
    return EXIT_USAGE;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.summary}\n\n${command.help.trimEnd()}\n`);
    return EXIT_OK;
  }
  try {
    const args = parseCommandArgs(command, rest);
    await command.run(args, io);
    return EXIT_OK;
  } catch (error) {
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
