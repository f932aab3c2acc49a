/**
 * Presentation mode of the training pages: one step of the steering cycle per screen, large
 * type, a visible step counter, next/previous with ArrowRight/PageDown/Space and
 * ArrowLeft/PageUp (Home/End jump), Escape leaves. Entered with a button or the address
 * (?praesentation or ?praesentation=3). Works offline from the built site; the fullscreen API is
 * used when the browser offers it and the trainer pressed the button, never required.
 *
 * The page's steps are elements matching `.training-step` with a `data-stage` ("Frage", …).
 * The mode is a class on <html> (`training-presenting`); the current step has `is-current`.
 *
 * Every step is fitted to the screen above the bar (fitStep): first the text column widens,
 * then charts shrink (never below 71 %, so their 17 px type stays ≥ 12 px), then the type
 * shrinks step by step down to a floor of 12 px. A projector at 1280×720 shows all of it.
 */

export const PRESENTING_CLASS = "training-presenting";
export const PRESENTATION_EVENT = "training-presentation";
const STEP_SELECTOR = ".training-step";

/** Type scales tried in turn; the CSS keeps every text at 12 px or more whatever the scale. */
export const FIT_LEVELS = [1, 0.92, 0.85, 0.78, 0.72, 0.66];

/** Smallest share of its drawn height a chart may shrink to (17 px chart type → 12 px); less for smaller type. */
const CHART_FLOOR = 0.71;

const frame = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));

/**
 * The lowest point of what a step shows: its own box or any visible descendant reaching past
 * it (a chart's overflowing label). Content of a closed <details> is not shown.
 */
export function contentBottom(step: HTMLElement): number {
  let bottom = step.getBoundingClientRect().bottom;
  for (const el of step.querySelectorAll("*")) {
    if (el.closest("details:not([open])") && !el.closest("summary") && el.tagName !== "SUMMARY") continue;
    const box = el.getBoundingClientRect();
    if (box.width && box.height) bottom = Math.max(bottom, box.bottom);
  }
  return bottom;
}

/**
 * Fits the current step between the top of the screen and the bar. Returns whether it fits;
 * the step's `data-fit` says how ("1", "0.85 wide", …) for the browser test.
 */
export async function fitStep(step: HTMLElement, bar: HTMLElement, doc: Document = document): Promise<boolean> {
  const win = doc.defaultView;
  const html = doc.documentElement;
  if (!win) return true;
  const room = () => bar.getBoundingClientRect().top - 6;
  const fits = () => contentBottom(step) <= room();
  /** Shrinks the step's charts together by what the step overflows, each by its share of their height. */
  const capCharts = () => {
    const charts = [...step.querySelectorAll<HTMLElement>(".training-chart")]
      .map((chart) => ({chart, svg: [...chart.querySelectorAll<SVGSVGElement>("svg")].at(-1)}))
      .filter((c): c is {chart: HTMLElement; svg: SVGSVGElement} => c.svg !== undefined && Number(c.svg.getAttribute("height")) > 0);
    const overflow = contentBottom(step) - room();
    if (overflow <= 0 || !charts.length) return;
    const shown = charts.map((c) => c.svg.getBoundingClientRect().height);
    const total = shown.reduce((a, b) => a + b, 0);
    charts.forEach(({chart, svg}, i) => {
      const drawn = Number(svg.getAttribute("height"));
      // A chart drawn with smaller type (a dense bar chart: 15 px) may shrink less.
      const type = parseFloat(win.getComputedStyle(svg).fontSize) || 17;
      const floor = Math.max(CHART_FLOOR, 12 / type);
      const target = Math.max(drawn * floor, shown[i]! - (overflow * shown[i]!) / total);
      chart.style.setProperty("--chart-max", `${Math.floor(target)}px`);
    });
  };
  const reset = () => {
    html.style.setProperty("--fit", "1");
    step.classList.remove("fit-wide-text", "fit-wider-text");
    for (const chart of step.querySelectorAll<HTMLElement>(".training-chart")) chart.style.removeProperty("--chart-max");
  };
  reset();
  await frame(win);
  if (fits()) {
    step.dataset.fit = "1";
    return true;
  }
  for (const level of FIT_LEVELS) {
    html.style.setProperty("--fit", String(level));
    for (const layout of ["", "fit-wide-text", "fit-wider-text"]) {
      step.classList.remove("fit-wide-text", "fit-wider-text");
      if (layout) step.classList.add(layout);
      for (const chart of step.querySelectorAll<HTMLElement>(".training-chart")) chart.style.removeProperty("--chart-max");
      await frame(win);
      await frame(win);
      capCharts();
      await frame(win);
      capCharts();
      await frame(win);
      if (fits()) {
        step.dataset.fit = `${level}${layout ? ` ${layout.replace("fit-", "").replace("-text", "")}` : ""}`;
        return true;
      }
    }
  }
  step.dataset.fit = "overflow";
  return false;
}

export interface Presentation {
  /** The button that starts the mode. */
  toggle: HTMLButtonElement;
  /** Counter and navigation, shown only while presenting. */
  bar: HTMLElement;
  enter(step?: number, options?: {fullscreen?: boolean}): void;
  leave(): void;
  go(step: number): void;
  readonly presenting: boolean;
  readonly step: number;
  destroy(): void;
}

/** Which step the address asks for: ?praesentation → 0, ?praesentation=3 → 2; null when absent. */
export function stepFromSearch(search: string, steps: number): number | null {
  const params = new URLSearchParams(search);
  if (!params.has("praesentation")) return null;
  const n = Number.parseInt(params.get("praesentation") ?? "", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, Math.max(steps, 1)) - 1 : 0;
}

/** What a key does while presenting (null: leave it to the browser). */
export function keyAction(key: string, target: EventTarget | null): "next" | "previous" | "first" | "last" | "leave" | null {
  const el = target as HTMLElement | null;
  const tag = el?.tagName?.toLowerCase() ?? "";
  const field = tag === "input" || tag === "select" || tag === "textarea" || el?.isContentEditable === true;
  // Form fields keep their own keys (a select changes its value with the arrow keys).
  if (field) return null;
  // Space activates a focused button, link or summary: the browser does that, not us.
  const activates = tag === "button" || tag === "a" || tag === "summary";
  switch (key) {
    case "ArrowRight":
    case "PageDown":
      return "next";
    case " ":
    case "Spacebar":
      return activates ? null : "next";
    case "ArrowLeft":
    case "PageUp":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "Escape":
    case "Esc":
      return "leave";
    default:
      return null;
  }
}

function setParam(value: string | null): void {
  const params = new URLSearchParams(location.search);
  if (value === null) params.delete("praesentation");
  else params.set("praesentation", value);
  const search = params.toString();
  history.replaceState(history.state, "", `${location.pathname}${search ? `?${search}` : ""}${location.hash}`);
}

export function presentation({doc = document}: {doc?: Document} = {}): Presentation {
  const html = doc.documentElement;
  const steps = () => [...doc.querySelectorAll<HTMLElement>(STEP_SELECTOR)];
  let current = 0;
  let presenting = false;
  let requestedFullscreen = false;

  const toggle = doc.createElement("button");
  toggle.type = "button";
  toggle.className = "training-present-toggle";
  toggle.textContent = "Präsentieren";
  toggle.title = "Präsentationsmodus: ein Schritt je Bildschirm, weiter mit → oder Leertaste, zurück mit ←, beenden mit Esc";

  const bar = doc.createElement("nav");
  bar.className = "training-present-bar";
  bar.setAttribute("aria-label", "Präsentation");
  const previous = doc.createElement("button");
  previous.type = "button";
  previous.textContent = "← Zurück";
  const counter = doc.createElement("span");
  counter.className = "training-counter";
  counter.setAttribute("aria-live", "polite");
  const next = doc.createElement("button");
  next.type = "button";
  next.textContent = "Weiter →";
  const close = doc.createElement("button");
  close.type = "button";
  close.className = "training-present-close";
  close.textContent = "Beenden (Esc)";
  bar.append(previous, counter, next, close);

  const announce = () => doc.dispatchEvent(new CustomEvent(PRESENTATION_EVENT, {detail: {presenting, step: current}}));

  // A step's content can change after it was fitted (the data arrives, a chart redraws): fit
  // again when it then overflows, at most a few times per step (an unfittable step must not loop).
  let watched: MutationObserver | null = null;
  function fitWhenChanged(step: HTMLElement): void {
    watched?.disconnect();
    let fitting = false;
    let refits = 0;
    const fit = async () => {
      fitting = true;
      try {
        await fitStep(step, bar, doc);
      } finally {
        fitting = false;
      }
    };
    void fit();
    const Observer = doc.defaultView?.MutationObserver;
    if (!Observer) return;
    watched = new Observer(() => {
      if (fitting || refits >= 3 || !presenting || !step.classList.contains("is-current")) return;
      if (contentBottom(step) <= bar.getBoundingClientRect().top - 6) return;
      refits++;
      void fit();
    });
    watched.observe(step, {childList: true, subtree: true, characterData: true});
  }

  function show(focus: boolean): void {
    const list = steps();
    current = Math.max(0, Math.min(current, list.length - 1));
    list.forEach((s, i) => s.classList.toggle("is-current", presenting && i === current));
    const stage = list[current]?.dataset.stage ?? "";
    counter.textContent = `Schritt ${current + 1} von ${list.length}${stage ? ` · ${stage}` : ""}`;
    previous.disabled = current === 0;
    next.disabled = current === list.length - 1;
    if (presenting) {
      setParam(String(current + 1));
      doc.defaultView?.scrollTo(0, 0);
      const step = list[current];
      if (step && typeof doc.defaultView?.requestAnimationFrame === "function") fitWhenChanged(step);
      if (focus) {
        const heading = list[current]?.querySelector<HTMLElement>("h2, h3");
        if (heading) {
          if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
          heading.focus({preventScroll: true});
        }
      }
    }
  }

  const api: Presentation = {
    toggle,
    bar,
    get presenting() {
      return presenting;
    },
    get step() {
      return current;
    },
    enter(step = current, {fullscreen = false} = {}) {
      presenting = true;
      current = step;
      html.classList.add(PRESENTING_CLASS);
      if (fullscreen && doc.fullscreenEnabled && !doc.fullscreenElement && typeof html.requestFullscreen === "function") {
        requestedFullscreen = true;
        html.requestFullscreen().catch(() => (requestedFullscreen = false));
      }
      show(true);
      announce();
    },
    leave() {
      if (!presenting) return;
      presenting = false;
      watched?.disconnect();
      html.classList.remove(PRESENTING_CLASS);
      html.style.removeProperty("--fit");
      for (const s of steps()) s.classList.remove("is-current");
      setParam(null);
      if (requestedFullscreen && doc.fullscreenElement) doc.exitFullscreen().catch(() => {});
      requestedFullscreen = false;
      announce();
      toggle.focus();
    },
    go(step) {
      current = step;
      show(true);
      announce();
    },
    destroy() {
      watched?.disconnect();
      doc.removeEventListener("keydown", onKey);
      doc.removeEventListener("fullscreenchange", onFullscreen);
      html.classList.remove(PRESENTING_CLASS);
    }
  };

  function onKey(event: KeyboardEvent): void {
    if (!presenting || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = keyAction(event.key, event.target);
    if (!action) return;
    event.preventDefault();
    const last = steps().length - 1;
    if (action === "leave") api.leave();
    else api.go(action === "next" ? Math.min(current + 1, last) : action === "previous" ? Math.max(current - 1, 0) : action === "first" ? 0 : last);
  }

  // Leaving fullscreen with the browser's own Escape ends the presentation too.
  function onFullscreen(): void {
    if (presenting && requestedFullscreen && !doc.fullscreenElement) {
      requestedFullscreen = false;
      api.leave();
    }
  }

  toggle.addEventListener("click", () => api.enter(0, {fullscreen: true}));
  previous.addEventListener("click", () => api.go(current - 1));
  next.addEventListener("click", () => api.go(current + 1));
  close.addEventListener("click", () => api.leave());
  doc.addEventListener("keydown", onKey);
  doc.addEventListener("fullscreenchange", onFullscreen);
  // A new window size (fullscreen, projector) fits the step again.
  let refit: ReturnType<typeof setTimeout> | undefined;
  doc.defaultView?.addEventListener("resize", () => {
    clearTimeout(refit);
    refit = setTimeout(() => {
      const step = steps()[current];
      if (presenting && step) void fitStep(step, bar, doc);
    }, 150);
  });
  show(false);
  return api;
}

/** For Generators.observe: reports whether the page is presenting, now and on every change. */
export function observePresentation(notify: (presenting: boolean) => void, doc: Document = document): () => void {
  const listener = (event: Event) => notify(Boolean((event as CustomEvent<{presenting: boolean}>).detail?.presenting));
  notify(doc.documentElement.classList.contains(PRESENTING_CLASS));
  doc.addEventListener(PRESENTATION_EVENT, listener);
  return () => doc.removeEventListener(PRESENTATION_EVENT, listener);
}
