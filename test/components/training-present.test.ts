// @vitest-environment jsdom
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {keyAction, observePresentation, presentation, PRESENTING_CLASS, stepFromSearch, type Presentation} from "../../src/components/training-present.ts";

function key(target: EventTarget, k: string): KeyboardEvent {
  const event = new KeyboardEvent("keydown", {key: k, bubbles: true, cancelable: true});
  target.dispatchEvent(event);
  return event;
}

describe("presentation mode", () => {
  let show: Presentation;
  const current = () => [...document.querySelectorAll(".training-step")].findIndex((s) => s.classList.contains("is-current"));
  const counter = () => show.bar.querySelector(".training-counter")!.textContent;

  beforeEach(() => {
    window.scrollTo = () => {};
    history.replaceState(null, "", "/fortbildung/kita-u3?region=05315");
    document.body.innerHTML = ["Frage", "Indikator", "Daten"].map((stage) => `<section class="training-step" data-stage="${stage}"><h2>${stage}</h2><button>in der Folie</button><select><option>a</option></select></section>`).join("");
    show = presentation();
    document.body.append(show.toggle, show.bar);
  });
  afterEach(() => show.destroy());

  it("starts with the button: one step, the counter, the step in the address", () => {
    show.toggle.click();
    expect(document.documentElement.classList.contains(PRESENTING_CLASS)).toBe(true);
    expect(current()).toBe(0);
    expect(counter()).toBe("Schritt 1 von 3 · Frage");
    expect(location.search).toBe("?region=05315&praesentation=1");
    expect(document.activeElement?.textContent).toBe("Frage");
  });

  it("next with ArrowRight, PageDown and Space; back with ArrowLeft and PageUp; stops at the ends", () => {
    show.enter(0);
    expect(key(document.body, "ArrowRight").defaultPrevented).toBe(true);
    expect(current()).toBe(1);
    key(document.body, "PageDown");
    expect(current()).toBe(2);
    key(document.body, "ArrowRight");
    expect(current()).toBe(2);
    expect(counter()).toBe("Schritt 3 von 3 · Daten");
    key(document.body, "ArrowLeft");
    key(document.body, "PageUp");
    expect(current()).toBe(0);
    key(document.body, " ");
    expect(current()).toBe(1);
    key(document.body, "End");
    expect(current()).toBe(2);
    key(document.body, "Home");
    expect(current()).toBe(0);
  });

  it("leaves form fields and buttons their own keys", () => {
    show.enter(0);
    const select = document.querySelector("select")!;
    expect(key(select, "ArrowRight").defaultPrevented).toBe(false);
    expect(current()).toBe(0);
    // Space on a focused button presses the button; arrows still move on.
    const button = document.querySelector("section button")!;
    expect(key(button, " ").defaultPrevented).toBe(false);
    expect(current()).toBe(0);
    key(button, "ArrowRight");
    expect(current()).toBe(1);
  });

  it("Escape leaves: everything visible again, the address without the step, focus on the button", () => {
    show.enter(1);
    key(document.body, "Escape");
    expect(document.documentElement.classList.contains(PRESENTING_CLASS)).toBe(false);
    expect(current()).toBe(-1);
    expect(location.search).toBe("?region=05315");
    expect(document.activeElement).toBe(show.toggle);
    // Keys do nothing outside the mode.
    expect(key(document.body, "ArrowRight").defaultPrevented).toBe(false);
  });

  it("the bar's buttons navigate and close", () => {
    show.enter(0);
    const [back, , next] = [...show.bar.children] as HTMLButtonElement[];
    expect(back!.disabled).toBe(true);
    next!.click();
    expect(current()).toBe(1);
    back!.click();
    expect(current()).toBe(0);
    show.bar.querySelector<HTMLButtonElement>(".training-present-close")!.click();
    expect(show.presenting).toBe(false);
  });

  it("tells the charts when the mode changes", () => {
    const seen: boolean[] = [];
    const stop = observePresentation((p) => seen.push(p));
    show.enter(0);
    show.leave();
    stop();
    show.enter(0);
    expect(seen).toEqual([false, true, false]);
  });
});

describe("address and keys", () => {
  it("?praesentation starts at step 1, ?praesentation=3 at step 3, clamped to the steps", () => {
    expect(stepFromSearch("?region=05315", 9)).toBeNull();
    expect(stepFromSearch("?praesentation", 9)).toBe(0);
    expect(stepFromSearch("?praesentation=3", 9)).toBe(2);
    expect(stepFromSearch("?praesentation=99", 9)).toBe(8);
    expect(stepFromSearch("?praesentation=x", 9)).toBe(0);
  });

  it("maps keys to actions", () => {
    const body = document.body;
    expect(["ArrowRight", "PageDown", " ", "ArrowLeft", "PageUp", "Home", "End", "Escape", "a"].map((k) => keyAction(k, body))).toEqual(["next", "next", "next", "previous", "previous", "first", "last", "leave", null]);
    expect(keyAction(" ", document.createElement("summary"))).toBeNull();
    expect(keyAction("ArrowRight", document.createElement("input"))).toBeNull();
  });
});
