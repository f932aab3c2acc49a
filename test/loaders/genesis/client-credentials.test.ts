import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, beforeEach, describe, expect, it} from "vitest";
import {InputError} from "../../../loaders/common/errors.ts";
import {credentialHeaders, loadCredentials, parseDotEnv, redact, secretsOf} from "../../../loaders/genesis/credentials.ts";
import {GenesisCredentialsError, readStatus, statusError, GenesisAuthError, GenesisUnknownStatusError} from "../../../loaders/genesis/status.ts";

// Made-up values only.
const USER = "kbm-testnutzer-7Q2x";
const PASS = "Geheim-Pa55-Zr9k";
const TOKEN = "tok-4f1c9e2b7a0d55e1";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kbm-genesis-credentials-"));
});

afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

function caught(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("erwartet: Fehler");
}

describe("parseDotEnv", () => {
  it("reads KEY=VALUE lines with comments, export, quotes, CRLF and a BOM", () => {
    const text = `\uFEFF# Zugang\r\nexport KBM_GENESIS_USERNAME = ${USER}\r\n\r\nKBM_GENESIS_PASSWORD="pa#ss word"\r\nOTHER='x=y'\r\nEMPTY=\r\n`;
    expect(parseDotEnv(text)).toEqual({KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: "pa#ss word", OTHER: "x=y", EMPTY: ""});
  });

  it("keeps # inside unquoted values (passwords may contain it)", () => {
    expect(parseDotEnv("KBM_GENESIS_PASSWORD=ab#cd")).toEqual({KBM_GENESIS_PASSWORD: "ab#cd"});
  });

  it("names the line of a malformed entry without echoing it", () => {
    const error = caught(() => parseDotEnv(`KBM_GENESIS_USERNAME=${USER}\n${PASS}\n`, "/x/.env"));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(2);
    expect(error.message).toContain("/x/.env, Zeile 2");
    expect(error.message).not.toContain(PASS);
  });
});

describe("loadCredentials", () => {
  it("takes username and password from the environment", () => {
    expect(loadCredentials({env: {KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: PASS}, cwd: dir})).toEqual({kind: "password", username: USER, password: PASS});
  });

  it("prefers a token; it goes into the username header with an empty password", () => {
    const credentials = loadCredentials({env: {KBM_GENESIS_TOKEN: TOKEN, KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: PASS}, cwd: dir});
    expect(credentials).toEqual({kind: "token", token: TOKEN});
    expect(credentialHeaders(credentials)).toEqual({username: TOKEN, password: ""});
    expect(secretsOf(credentials)).toEqual([TOKEN]);
  });

  it("falls back to .env in the working directory", async () => {
    await writeFile(join(dir, ".env"), `KBM_GENESIS_USERNAME=${USER}\nKBM_GENESIS_PASSWORD='${PASS}'\n`);
    expect(loadCredentials({env: {}, cwd: dir})).toEqual({kind: "password", username: USER, password: PASS});
  });

  it("does not read .env at all when the environment has credentials (env wins)", async () => {
    await writeFile(join(dir, ".env"), "das ist keine gültige Zeile\n");
    expect(loadCredentials({env: {KBM_GENESIS_TOKEN: TOKEN}, cwd: dir})).toEqual({kind: "token", token: TOKEN});
  });

  it("treats empty values as unset", async () => {
    await writeFile(join(dir, ".env"), `KBM_GENESIS_TOKEN=${TOKEN}\n`);
    expect(loadCredentials({env: {KBM_GENESIS_USERNAME: "", KBM_GENESIS_PASSWORD: "  "}, cwd: dir})).toEqual({kind: "token", token: TOKEN});
  });

  it("explains what to set when nothing is there", () => {
    const error = caught(() => loadCredentials({env: {}, cwd: dir}));
    expect(error).toBeInstanceOf(GenesisCredentialsError);
    expect(error.message).toMatch(/KBM_GENESIS_USERNAME und KBM_GENESIS_PASSWORD/);
    expect(error.message).toContain("KBM_GENESIS_TOKEN");
    expect(error.message).toContain(".env");
  });

  it("names the missing half of a username/password pair, without the other half's value", async () => {
    const error = caught(() => loadCredentials({env: {KBM_GENESIS_USERNAME: USER}, cwd: dir}));
    expect(error).toBeInstanceOf(GenesisCredentialsError);
    expect(error.message).toContain("KBM_GENESIS_PASSWORD fehlt");
    expect(error.message).not.toContain(USER);

    await writeFile(join(dir, ".env"), `KBM_GENESIS_PASSWORD=${PASS}\n`);
    const fromFile = caught(() => loadCredentials({env: {}, cwd: dir}));
    expect(fromFile.message).toContain("KBM_GENESIS_USERNAME fehlt");
    expect(fromFile.message).toContain(join(dir, ".env"));
    expect(fromFile.message).not.toContain(PASS);
  });

  it("rejects values that cannot travel in an HTTP header, without showing them", () => {
    const error = caught(() => loadCredentials({env: {KBM_GENESIS_USERNAME: USER, KBM_GENESIS_PASSWORD: "pass€wort\n"}, cwd: dir}));
    expect(error).toBeInstanceOf(GenesisCredentialsError);
    expect(error.message).not.toContain("pass€wort");
  });
});

describe("redact", () => {
  it("replaces every occurrence, longest secret first", () => {
    expect(redact(`Nutzer ${USER} mit ${PASS}; nochmal ${USER}`, [USER, PASS])).toBe("Nutzer *** mit ***; nochmal ***");
    expect(redact("abcdef", ["abc", "abcdef"])).toBe("***");
    expect(redact("unverändert", [])).toBe("unverändert");
  });

  it("also catches a secret echoed HTML-escaped, URL-encoded, in Base64, as a Basic-auth header, or split across a line", () => {
    const user = "anna";
    const pass = "p&ss<w'rd ü+/";
    const b64 = (t: string) => Buffer.from(t, "utf8").toString("base64");
    const echoes = [
      "p&amp;ss&lt;w&#39;rd ü+/",
      "p&#38;ss&#60;w&#39;rd ü+/",
      encodeURIComponent(pass),
      encodeURIComponent(pass).replaceAll("%20", "+"),
      encodeURIComponent(pass).toLowerCase().replace("anna", "anna"),
      b64(pass),
      b64(pass).replace(/=+$/, ""),
      b64(`${user}:${pass}`),
      "p&ss<w'\r\nrd ü+/",
      `${b64(pass).slice(0, 6)}\n${b64(pass).slice(6)}`
    ];
    for (const echo of echoes) expect(redact(`Antwort: [${echo}] Ende`, [user, pass]), echo).toBe("Antwort: [***] Ende");
  });
});

describe("readStatus / statusError", () => {
  it("reads the envelope and the bare auth shape, and quoted codes", () => {
    expect(readStatus({Status: {Code: 104, Content: "Es gibt keine Objekte", Type: "Information"}})).toEqual({code: 104, content: "Es gibt keine Objekte", type: "Information"});
    expect(readStatus({Code: "2", Content: "Anmeldung", Type: "ERROR"})).toEqual({code: 2, content: "Anmeldung", type: "ERROR"});
    expect(readStatus({Ident: {}})).toBeUndefined();
    expect(readStatus("text")).toBeUndefined();
  });

  it("maps bare code 2 to GenesisAuthError and other unknown codes to GenesisUnknownStatusError", () => {
    expect(statusError({code: 2, content: "x", type: "ERROR"}, {}, true)).toBeInstanceOf(GenesisAuthError);
    expect(statusError({code: 2, content: "x", type: "Fehler"}, {}, false)).toBeInstanceOf(GenesisUnknownStatusError);
    expect(statusError({code: 0, content: "erfolgreich", type: "Information"})).toBeUndefined();
  });
});
