import {parseArgs, type ParseArgsConfig} from "node:util";
import {UsageError} from "../../loaders/common/errors.ts";
import {meantSuffix, nearest} from "./suggest.ts";

/** Where a command writes: data to stdout, progress and diagnostics to stderr. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface Command<O extends Options = Options> {
  name: string;
  /** Optional: `kbm --help` shows the summary of the command's line in commands/index.ts (a test keeps both equal). */
  summary?: string;
  /** Usage lines and option descriptions for `kbm <name> --help` and `kbm help <name>`. */
  help: string;
  options: O;
  /** Allowed positional arguments (count), default none. */
  positionals?: {min: number; max: number; names: string};
  run(args: {values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[]}, io: CommandIO): Promise<void>;
}

export function defineCommand<O extends Options>(command: Command<O>): Command<O> {
  return command;
}

/** Parses a command's arguments; every mistake becomes a German UsageError (exit 2), with a suggestion for a mistyped option. */
export function parseCommandArgs(command: Command, argv: string[]) {
  const known = Object.keys(command.options);
  const {tokens} = parseArgs({args: argv, options: command.options, allowPositionals: true, strict: false, tokens: true});
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const spec = command.options[token.name];
    const shown = token.rawName;
    if (!spec) {
      const suggestion = nearest(token.name, known);
      throw new UsageError(`unbekannte Option ${shown}.${meantSuffix(suggestion, (s) => `--${s}`)}`);
    }
    if (spec.type === "string" && token.value === undefined) throw new UsageError(`${shown} braucht einen Wert, z. B. ${shown} WERT`);
    if (spec.type === "boolean" && token.inlineValue) throw new UsageError(`${shown} ist ein Schalter und nimmt keinen Wert`);
  }
  let parsed;
  try {
    parsed = parseArgs({args: argv, options: command.options, allowPositionals: true, strict: true});
  } catch (error) {
    throw new UsageError(`ungültiger Aufruf (${(error as Error).message})`);
  }
  const {min, max, names} = command.positionals ?? {min: 0, max: 0, names: ""};
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    throw new UsageError(max === 0 ? `"kbm ${command.name}" nimmt keine Argumente, bekam: ${parsed.positionals.join(" ")}` : `"kbm ${command.name}" erwartet ${names}`);
  }
  return parsed;
}

/** Reads an option that must be one of a fixed set of values. */
export function choice<T extends string>(value: unknown, allowed: readonly T[], option: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = typeof value === "string" ? nearest(value, allowed) : undefined;
  throw new UsageError(`--${option} erwartet ${allowed.join("|")}, bekam ${JSON.stringify(value)}${suggestion === undefined ? "" : `.${meantSuffix(suggestion)}`}`);
}
