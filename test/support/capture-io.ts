import {PassThrough} from "node:stream";
import type {CommandIO} from "../../pipelines/cli/command.ts";

/** Streams for calling runCli in a test, with what was written read back as text. */
export function captureIO(cwd = process.cwd(), env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (b: Buffer) => out.push(b));
  stderr.on("data", (b: Buffer) => err.push(b));
  const io: CommandIO = {stdout, stderr, env, cwd};
  return {io, stdout: () => Buffer.concat(out).toString("utf-8"), stderr: () => Buffer.concat(err).toString("utf-8")};
}
