/**
 * Runs a fast-check property with the fuzz settings of this project: a fixed seed by default
 * (reproducible runs), overridable from the environment.
 *
 *   KBM_FUZZ_SEED=123      another seed (default 20250601)
 *   KBM_FUZZ_RUNS=5000     cases per property instead of the property's default
 *   KBM_FUZZ_PATH=4:0:1    with the seed of a failure: replay exactly that counterexample
 *
 * On a failure the message says how to replay the case (seed, path and the command).
 */
import fc from "fast-check";

export const FUZZ_SEED = readInteger("KBM_FUZZ_SEED") ?? 20250601;
const RUNS = readInteger("KBM_FUZZ_RUNS");
const PATH = process.env.KBM_FUZZ_PATH;

function readInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === "") return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} muss eine ganze Zahl sein, ist ${JSON.stringify(text)}`);
  return value;
}

/** Cases this property runs: KBM_FUZZ_RUNS if set, else its default. */
export function runsFor(defaultRuns: number): number {
  return RUNS ?? defaultRuns;
}

/** Counts the cases run per test file, for the report at the end of the file. */
export const executed = new Map<string, number>();

/**
 * Checks an async property; throws an Error whose message has fast-check's report plus the
 * command that replays the failing case.
 */
export async function checkProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  testFile: string,
  arbitraries: {[K in keyof Ts]: fc.Arbitrary<Ts[K]>},
  predicate: (...args: Ts) => Promise<void>,
  defaultRuns: number
): Promise<number> {
  const numRuns = runsFor(defaultRuns);
  let count = 0;
  const property = fc.asyncProperty(...arbitraries, async (...args: Ts) => {
    count++;
    await predicate(...args);
  });
  const details = await fc.check(property, {seed: FUZZ_SEED, numRuns, ...(PATH ? {path: PATH, endOnFailure: true} : {})});
  executed.set(name, (executed.get(name) ?? 0) + count);
  if (details.failed) {
    const report = (await fc.asyncDefaultReportMessage(details)) ?? "Eigenschaft verletzt";
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    const replay =
      `\n\nWiederholen (genau dieser Fall): KBM_FUZZ_SEED=${details.seed} KBM_FUZZ_PATH=${details.counterexamplePath ?? ""} ` +
      `npx vitest run ${testFile} -t ${JSON.stringify(name)}` +
      `\nDen Fall als Regressionstest in test/fuzz/regressions.test.ts festhalten (Seed und Pfad im Testnamen).`;
    throw new Error(`${name}: ${report}\n\nFehler: ${cause.slice(0, 2000)}${replay}`);
  }
  return count;
}
