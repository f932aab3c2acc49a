// vitest.config.ts runs test files without isolation (one module cache per worker). That is only
// safe while no test changes process-wide state another file could see: this keeps it so.
import {describe, expect, it} from "vitest";
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";

const root = join(import.meta.dirname, "../..");
const LEAKY = [/\bvi\.(mock|doMock|stubEnv|stubGlobal|spyOn|useFakeTimers)\(/, /\bprocess\.chdir\(/, /\bprocess\.env(\.[A-Za-z_]+|\[[^\]]+\])\s*=[^=]/, /\bdelete process\.env\b/];

describe("unit test files change no process-wide state", () => {
  it("no module mocks, stubbed env or globals, fake timers or chdir outside the e2e tests", () => {
    const offenders: string[] = [];
    for (const entry of readdirSync(join(root, "test"), {withFileTypes: true, recursive: true})) {
      if (!entry.isFile() || !entry.name.endsWith(".test.ts")) continue;
      const path = join(entry.parentPath, entry.name);
      if (path === import.meta.filename) continue;
      const text = readFileSync(path, "utf-8");
      for (const pattern of LEAKY) if (pattern.test(text)) offenders.push(`${relative(root, path)}: ${pattern.source}`);
    }
    expect(offenders).toEqual([]);
  });
});
