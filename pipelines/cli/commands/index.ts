import type {Command} from "../command.ts";
import {checkCommand} from "./check.ts";
import {dataCommand} from "./data.ts";
import {exportCommand} from "./export.ts";
import {importCommand} from "./import.ts";
import {indicatorsCommand} from "./indicators.ts";
import {regionsCommand} from "./regions.ts";
import {parseCommand} from "./parse.ts";
import {reachCommand} from "./reach.ts";

/** Every kbm command, in the order `kbm --help` lists them. Add new commands here. */
export const commands: Command[] = [importCommand, dataCommand, parseCommand];
commands.push(exportCommand);
commands.push(regionsCommand, indicatorsCommand);
commands.push(checkCommand, reachCommand);
