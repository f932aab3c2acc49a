#!/usr/bin/env node
// Entry point of the kbm CLI: registers tsx so the TypeScript sources run as they are.
import {register} from "tsx/esm/api";

register();
const {runCli} = await import("../pipelines/cli/main.ts");
const code = await runCli(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd()});
process.exitCode = code;
