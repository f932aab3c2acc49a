/** "Meinten Sie …?": the nearest known word to a mistyped command or option. */

/** Edit distance with adjacent transpositions ("regoin" → "region" is 1). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidate within a third of the word's length (at least 2 edits), or a candidate it starts. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(word.length / 3));
  const scored = candidates.map((c) => ({c, d: editDistance(word.toLowerCase(), c.toLowerCase())})).sort((x, y) => x.d - y.d);
  if (scored[0] && scored[0].d <= limit) return scored[0].c;
  const prefixed = candidates.filter((c) => word.length >= 2 && c.startsWith(word));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

export function meantSuffix(suggestion: string | undefined, format: (s: string) => string = (s) => s): string {
  return suggestion === undefined ? "" : ` Meinten Sie \`${format(suggestion)}\`?`;
}
