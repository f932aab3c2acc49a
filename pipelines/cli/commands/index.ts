import type {Command} from "../command.ts";

/** Every kbm command, in the order `kbm --help` lists them. Add new commands here. */
export const commands: Command[] = [];
