import {describe, expect, it} from "vitest";
import {previewLine} from "../../../pipelines/site/preview-log.ts";

describe("preview output", () => {
  it("keeps one line per page and drops module, file and socket requests", () => {
    const lines = [
      "\u001b[2mGET\u001b[22m /profil/05315",
      "\u001b[2mGET\u001b[22m /_observablehq/client.js",
      "\u001b[2mGET\u001b[22m /_npm/d3@7.9.0/_esm.js",
      "\u001b[2mGET\u001b[22m /_file/data/profiles/05315.json?sha=abc",
      "\u001b[2mGET\u001b[22m /style.css",
      "\u001b[2msocket open\u001b[22m /profil/05315",
      "\u001b[2m↑\u001b[22m {\"type\":\"hello\"}",
      "load data/region-index.json → [fresh] success 65 kB in 2ms",
      "GET /daten/?x=1"
    ].map(previewLine);
    expect(lines.filter((l) => l !== null)).toEqual(["Seite /profil/05315", "Seite /daten/"]);
  });

  it("keeps the address, errors and a loader that had to run", () => {
    expect(previewLine("\u001b[32mObservable Framework\u001b[39m v1.13.4")).toBe("Observable Framework v1.13.4");
    expect(previewLine("load data/x.json → [stale] error in 3s: loader exited with code 1")).toBe("load data/x.json → [stale] error in 3s: loader exited with code 1");
    expect(previewLine("Error: something broke")).toBe("Error: something broke");
  });
});
