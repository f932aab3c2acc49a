import {strToU8, unzipSync, zipSync} from "fflate";
import {describe, expect, it} from "vitest";
import {CUT_OFF, DAMAGED, ZipProblem, crc32, directoryEntryInTail, readDirectory, unzipVerified} from "../../../loaders/common/zip-integrity.ts";

const MEMBERS = {"05315.json": '{"id":"05315","value":1024621}', "Bezirke/Neukölln.json": '{"name":"Neukölln"}', "leer.txt": ""};

/** Stored (level 0) members, so that a flipped data byte inflates without complaint: only the checksum tells. */
function stored(members: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(members).map(([name, text]) => [name, strToU8(text)])), {level: 0});
}

function problemOf(run: () => unknown): ZipProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipProblem) return error;
    throw error;
  }
  throw new Error("expected a ZipProblem");
}

describe("unzipVerified", () => {
  it("returns every member byte for byte, with non-ASCII names, in stored and deflated archives", () => {
    for (const archive of [stored(MEMBERS), zipSync(Object.fromEntries(Object.entries(MEMBERS).map(([n, t]) => [n, strToU8(t)])), {level: 9})]) {
      const members = unzipVerified(archive);
      expect(Object.keys(members).sort()).toEqual(Object.keys(MEMBERS).sort());
      for (const [name, text] of Object.entries(MEMBERS)) expect(new TextDecoder().decode(members[name])).toBe(text);
    }
  });

  it("finds a member whose name is not UTF-8 (a CP437 ä from an old Windows tool) under the name fflate gives it", () => {
    const archive = Buffer.from(stored({"xA.csv": "a;b\n1;2\n"}));
    for (let at = archive.indexOf("xA.csv"); at !== -1; at = archive.indexOf("xA.csv", at + 1)) archive[at + 1] = 0x84;
    expect(Object.keys(unzipVerified(archive))).toEqual(["x\u0084.csv"]);
    expect(Object.keys(unzipSync(archive))).toEqual(["x\u0084.csv"]);
  });

  it("keeps only the members asked for", () => {
    expect(Object.keys(unzipVerified(stored(MEMBERS), {keep: (name) => name.endsWith(".json") && !name.includes("/")}))).toEqual(["05315.json"]);
  });

  it("refuses a member whose bytes do not match its CRC-32: 1024621 altered to 1024629 is not read", () => {
    const archive = stored(MEMBERS);
    const at = Buffer.from(archive).indexOf("1024621");
    const damaged = archive.slice();
    damaged[at + 6] = 0x39;
    const problem = problemOf(() => unzipVerified(damaged));
    expect([problem.member, problem.problem, problem.kind]).toEqual(["05315.json", DAMAGED, "damaged"]);
    // Without the check the altered number comes out as if nothing happened (fflate checks no CRC).
    expect(new TextDecoder().decode(unzipSync(damaged)["05315.json"])).toContain("1024629");
  });

  it("refuses an archive cut off before its directory, and one whose data is cut", () => {
    const archive = stored(MEMBERS);
    expect(problemOf(() => unzipVerified(archive.subarray(0, archive.length - 30))).problem).toBe(CUT_OFF);
    const deflated = zipSync({"a.csv": strToU8("x;y\n".repeat(1000))}, {level: 9});
    const garbled = deflated.slice();
    garbled.fill(0xff, 40, 60);
    expect(problemOf(() => unzipVerified(garbled)).kind).toBe("damaged");
  });

  it("refuses a member whose declared size breaks the limits, before inflating it", () => {
    const bomb = zipSync({"bomb.csv": [strToU8(" ".repeat(20 * 1024 ** 2)), {level: 9}]});
    const problem = problemOf(() => unzipVerified(bomb));
    expect([problem.member, problem.problem, problem.kind]).toEqual(["bomb.csv", "entpackt mehr als das 200fache der gepackten Größe (ZIP-Bombe?)", "limit"]);
    expect(problemOf(() => unzipVerified(bomb, {limits: {maxBytes: 1024 ** 2, maxRatio: 10_000}})).problem).toBe("entpackt größer als 1 MB (ZIP-Bombe?)");
  });
});

describe("central directory", () => {
  it("computes the standard CRC-32 check value", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("reads the same entries from the whole archive and from its tail", () => {
    const archive = stored(MEMBERS);
    const directory = readDirectory(archive);
    expect([...directory.keys()].sort()).toEqual(Object.keys(MEMBERS).sort());
    for (const [name, text] of Object.entries(MEMBERS)) {
      expect(directory.get(name)).toEqual({crc: crc32(strToU8(text)), size: strToU8(text).length});
      expect(directoryEntryInTail(archive, name)).toEqual(directory.get(name));
    }
  });
});
