import type {Command} from "../command.ts";
import {dataCommand} from "./data.ts";
import {importCommand} from "./import.ts";

/** Every kbm command, in the order `kbm --help` lists them. Add new commands here. */
export const commands: Command[] = [importCommand, dataCommand];
