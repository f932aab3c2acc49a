/**
 * Tests that read the real files in ../shared (beside the repository). When the folder is
 * absent they are skipped with a message, except under CI=true, where its absence fails.
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, it} from "vitest";

export const REPO = resolve(import.meta.dirname, "../..");
export const SHARED = resolve(REPO, "../shared");
export const HAS_SHARED = existsSync(join(SHARED, "data")) && existsSync(join(SHARED, "fixtures"));

export function sharedPath(...parts: string[]): string {
  return join(SHARED, ...parts);
}

/** describe() for tests on ../shared: skipped with a message locally, a failure under CI. */
export function describeShared(name: string, body: () => void): void {
  if (HAS_SHARED) {
    describe(name, body);
  } else if (process.env.CI) {
    describe(name, () => {
      it("needs ../shared", () => {
        throw new Error(`${SHARED} fehlt: unter CI muss ../shared vorhanden sein`);
      });
    });
  } else {
    console.warn(`[übersprungen] ${name}: ${SHARED} fehlt (außerhalb von CI werden Tests auf ../shared übersprungen)`);
    describe.skip(name, body);
  }
}
