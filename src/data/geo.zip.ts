// Every page's boundaries from the snapshot, one archive: kreise.json (BKG VG5000, Gebietsstand
// 01.07.2021), bezirke.json (Berlin's 12 Bezirke) and planungsraeume.json (542 LOR Planungsräume 2021).
import {readFileSync} from "node:fs";
import {zipMembers} from "../../pipelines/exports/archive.ts";

const geo = (file: string) => readFileSync(new URL(`../../data/snapshot/geo/${file}`, import.meta.url));
process.stdout.write(zipMembers({"kreise.json": geo("kreise.topojson"), "bezirke.json": geo("berlin-bezirke.topojson"), "planungsraeume.json": geo("berlin-planungsraeume.topojson")}));
