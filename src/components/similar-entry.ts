/**
 * The small, eagerly loaded part of "Ähnliche Kommunen" on the profile: the "Warum diese?"
 * button under the picker and the URL parameters of the panel. The panel itself
 * (similar-panel.ts) and its data load only when the button is used or the URL asks for it.
 */

/** The URL parameters the panel owns: `warum` (panel open) and `gewichte` (own weights). */
export const SIMILAR_PARAMS = ["warum", "gewichte"] as const;

export interface SimilarFile {
  json(): Promise<unknown>;
}

/** `base` (the comparison's search, "" or "?…") with the panel's parameters of `search` kept. */
export function keepSimilarParams(base: string, search: string): string {
  const from = new URLSearchParams(search);
  const out = new URLSearchParams(base);
  if (out.get("gruppe") !== "aehnliche") return base;
  for (const p of SIMILAR_PARAMS) {
    const v = from.get(p);
    if (v !== null) out.set(p, v);
  }
  const s = out.toString().replaceAll("%3A", ":").replaceAll("%2C", ",");
  return s ? `?${s}` : "";
}

/** Own weights from `gewichte=id:w,id:w` (unknown ids and bad numbers ignored, 0–3). */
export function weightsFromSearch(search: string, known: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (new URLSearchParams(search).get("gewichte") ?? "").split(",")) {
    const [id, w] = part.split(":");
    const n = Number(w);
    if (id && known.includes(id) && w !== undefined && w !== "" && Number.isFinite(n)) out[id] = Math.min(3, Math.max(0, n));
  }
  return out;
}

/** The button (and the place the panel opens in); null when the comparison is not "aehnliche". */
export function similarEntry(groupId: string | null, options: {region: string; level: string; regionName: string; file: SimilarFile}): HTMLElement | null {
  if (groupId !== "aehnliche") return null;
  const root = document.createElement("div");
  root.className = "similar-entry no-print";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Warum diese? Ähnliche Kommunen erklärt";
  button.setAttribute("aria-expanded", "false");
  const slot = document.createElement("div");
  root.append(button, slot);
  let open = false;
  const show = async () => {
    button.disabled = true;
    try {
      const [{similarPanel}, data] = await Promise.all([import("./similar-panel.js"), options.file.json()]);
      slot.replaceChildren(similarPanel(data as never, options));
      open = true;
      button.textContent = "Erklärung schließen";
      button.setAttribute("aria-expanded", "true");
      setParam("warum", "1");
    } finally {
      button.disabled = false;
    }
  };
  button.addEventListener("click", () => {
    if (!open) return void show();
    slot.replaceChildren();
    open = false;
    button.textContent = "Warum diese? Ähnliche Kommunen erklärt";
    button.setAttribute("aria-expanded", "false");
    setParam("warum", null);
    setParam("gewichte", null);
  });
  if (new URLSearchParams(location.search).has("warum")) void show();
  return root;
}

/** Sets or removes one parameter of the current URL (the choice lives in the URL). */
export function setParam(name: string, value: string | null): void {
  const params = new URLSearchParams(location.search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  const s = params.toString().replaceAll("%3A", ":").replaceAll("%2C", ",");
  history.replaceState(null, "", `${location.pathname}${s ? `?${s}` : ""}`);
}
