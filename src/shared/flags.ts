/**
 * Special values of official statistics and quality marks (design.md §3), with the German
 * words pages show for them. Lives under src/ because Framework bundles only files there;
 * the pipelines import it from here.
 */
export const FLAGS = ["-", ".", "...", "/", "x", "()", "p", "r", "s", "e"] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_LABELS: Record<Flag, string> = {
  "-": "genau null",
  ".": "unbekannt oder geheim",
  "...": "noch nicht verfügbar",
  "/": "nicht sicher genug",
  x: "gesperrt (Aussage nicht sinnvoll)",
  "()": "eingeschränkt aussagefähig",
  p: "vorläufig",
  r: "berichtigt",
  s: "geschätzt",
  e: "endgültig"
};

/** Flags that carry no number: the value must be empty. */
export const VALUELESS_FLAGS: readonly Flag[] = [".", "...", "/", "x"];

/** What a page writes for a value: the flag's meaning where there is no number. */
export function flagLabel(flag: string | null): string | null {
  return flag === null ? null : (FLAG_LABELS as Record<string, string>)[flag] ?? `Zeichen „${flag}“`;
}
