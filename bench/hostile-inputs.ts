/**
 * Hostile inputs to kbm parse (issue #18 §4, §6): a 50 MB line without a line break and a zip
 * that inflates to 1 GB of spaces (a bomb), both refused in seconds with bounded memory, and
 * 3 million rows of one region and period, read with bounded memory;
 * measured in a child process each (its own peak RSS). Generated in the bench's temp folder.
 */
import {spawnSync} from "node:child_process";
import {createWriteStream, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {Zip, ZipDeflate} from "fflate";
import {round, type Measurement} from "./types.ts";

const KEYS = ["long_line_s", "long_line_peak_mb", "zip_bomb_s", "zip_bomb_peak_mb", "one_group_s", "one_group_peak_mb"];

/** An old-layout ffcsv of `rows` rows, all of one region and period (a group the reader once held whole). */
async function writeOneGroup(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;2_Merkmal_Code;2_Merkmal_Label;2_Auspraegung_Code;2_Auspraegung_Label;BEVSTD__Bevoelkerungsstand__Anzahl\n");
  for (let start = 0; start < rows; start += 100_000) {
    let block = "";
    for (let i = start; i < Math.min(rows, start + 100_000); i++) block += `12411;B;STAG;Stichtag;31.12.2022;KREISE;Kreise;05315;Köln;ALT;Alter;A${i};a;${i}\n`;
    if (!out.write(block)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** A zip whose one CSV member inflates to `bytes` spaces after a real header line. */
async function writeBomb(path: string, bytes: number, header: string): Promise<void> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on("finish", resolve);
    out.on("error", reject);
  });
  const zip = new Zip((error, data, final) => {
    if (error) throw error;
    out.write(data);
    if (final) out.end();
  });
  const member = new ZipDeflate("bomb_flat.csv", {level: 9});
  zip.add(member);
  member.push(new TextEncoder().encode(header));
  const block = new Uint8Array(16 * 1024 ** 2).fill(32);
  for (let written = 0; written < bytes; written += block.length) member.push(block, written + block.length >= bytes);
  zip.end();
  await done;
}

function runChild(root: string, file: string): {seconds: number; peak_rss_mb: number; error: string} {
  const child = spawnSync(process.execPath, ["--import", "tsx", join(root, "bench/hostile-inputs-child.ts"), file], {cwd: root, encoding: "utf-8"});
  if (child.status !== 0) throw new Error(`hostile-inputs-child: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as {seconds: number; peak_rss_mb: number; error: string};
}

export const hostileInputs: Measurement = {
  keys: KEYS,
  async run({root, tmp, log}) {
    const fixture = readFileSync(join(root, "../shared/fixtures/genesis/12411-01-01-4_1773175772751_de_flat.csv"), "utf-8").split("\n");
    const header = `${fixture[0]}\n${fixture[1]}\n`;
    const longLine = join(tmp, "long-line.csv");
    writeFileSync(longLine, header + "x".repeat(50 * 1024 ** 2) + "\n");
    const line = runChild(root, longLine);
    log(`50-MB-Zeile: ${line.error}`);
    const bombPath = join(tmp, "bomb.zip");
    await writeBomb(bombPath, 1024 ** 3, header);
    const bomb = runChild(root, bombPath);
    log(`ZIP-Bombe: ${bomb.error}`);
    const groupPath = join(tmp, "one-group_flat.csv");
    await writeOneGroup(groupPath, 3_000_000);
    const group = runChild(root, groupPath);
    if (group.error) throw new Error(`one-group: ${group.error}`);
    return [
      {key: "long_line_s", value: round(line.seconds, 1), unit: "s", target: "≤ 10", note: "kbm parse on an ffcsv with one 50 MB line: refused at 8 MB"},
      {key: "long_line_peak_mb", value: round(line.peak_rss_mb, 0), unit: "MB", target: "≤ 300", note: "maxRSS of that parse"},
      {key: "zip_bomb_s", value: round(bomb.seconds, 1), unit: "s", target: "≤ 10", note: "kbm parse on a zip inflating to 1 GB of spaces: refused at 200 × its size"},
      {key: "zip_bomb_peak_mb", value: round(bomb.peak_rss_mb, 0), unit: "MB", target: "≤ 300", note: "maxRSS of that parse"},
      {key: "one_group_s", value: round(group.seconds, 1), unit: "s", target: "≤ 60", note: "kbm parse on an old-layout ffcsv of 3 million rows (262 MB) of one region and period: read, not refused"},
      {key: "one_group_peak_mb", value: round(group.peak_rss_mb, 0), unit: "MB", target: "≤ 300", note: "maxRSS of that parse (1.1 GB while the reader held the group whole)"}
    ];
  }
};
