import type {Command} from "../command.ts";
import {checkCommand} from "./check.ts";
import {dataCommand} from "./data.ts";
import {exportCommand} from "./export.ts";
import {importCommand} from "./import.ts";
import {indicatorsCommand} from "./indicators.ts";
import {parseCommand} from "./parse.ts";
import {peersCommand} from "./peers.ts";
import {pdfCommand} from "./pdf.ts";
import {pullCommand} from "./pull.ts";
import {reachCommand} from "./reach.ts";
import {regionsCommand} from "./regions.ts";

/** Every kbm command, in the order `kbm --help` lists them: data in, warehouse, out, programme. */
export const commands: Command[] = [
  importCommand,
  parseCommand,
  pullCommand,
  dataCommand,
  regionsCommand,
  indicatorsCommand,
  exportCommand,
  peersCommand,
  pdfCommand,
  checkCommand,
  reachCommand
];
