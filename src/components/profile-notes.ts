/**
 * The notes under a profile card, fitted to the region: one key sentence stays visible, the
 * rest goes behind "Hinweise zur Kennzahl". Sentences about Berlin's districts appear only on
 * Berlin pages, a named example (Bamberg, Rostock) only on the page of a region it names, and
 * no registry id is ever shown: it is replaced by the indicator's name.
 */
import {namesForIds} from "../shared/indicator-ids.js";

export interface NoteContext {
  regionId: string;
  regionName: string;
  /** Registry id → indicator name, to replace ids in the text. */
  names: Map<string, string>;
}

export interface RegionNotes {
  key: string | null;
  more: string[];
}

const ABBREVIATIONS = ["z. B.", "u. a.", "d. h.", "bzw.", "ca.", "Mio.", "Nr.", "Abs.", "vgl."];

/** German sentences; abbreviations such as "z. B." do not end a sentence. */
export function sentences(text: string): string[] {
  let protectedText = text;
  ABBREVIATIONS.forEach((a, i) => (protectedText = protectedText.split(a).join(`\u0000${i}\u0000`)));
  return protectedText
    .split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„(])/)
    .map((s) => s.replace(/\u0000(\d+)\u0000/g, (_, i: string) => ABBREVIATIONS[Number(i)]!).trim())
    .filter(Boolean);
}

export function isBerlin(regionId: string): boolean {
  return regionId.startsWith("11");
}

/** Does a sentence speak about Berlin's districts or Planungsräume (or Berlin itself)? */
function aboutBerlin(sentence: string): boolean {
  return /Berlin|Bezirk|Planungsr/.test(sentence);
}

/** An example naming places ("z. B. Rostock 103,2 %"): kept only where the region is named. */
function namedExample(sentence: string, context: NoteContext): boolean | null {
  const examples = /\bz\. B\. [^,.;]*?\b\d|\b(?:Bamberg|Schweinfurt|Rostock)\b|\(\d{5}\)/.test(sentence);
  if (!examples) return null;
  const names = context.regionName.split(/[ ,-]+/).filter((w) => w.length > 3 && !/^(Landkreis|Kreis|Stadt|Region|kreisfreie)$/i.test(w));
  return sentence.includes(context.regionId) || names.some((n) => sentence.includes(n));
}

export function cleanIds(text: string, names: Map<string, string>): string {
  return namesForIds(text, names);
}

export function regionNotes(caveats: string[], context: NoteContext): RegionNotes {
  const berlin = isBerlin(context.regionId);
  const kept: string[][] = [];
  for (const caveat of caveats) {
    const list = sentences(cleanIds(caveat, context.names)).filter((s) => {
      const example = namedExample(s, context);
      if (example === true) return true;
      // A sentence that is only an example for other places does not help here.
      if (example === false && /^(\d{4} )?z\. B\.|^(Bamberg|Schweinfurt|Rostock)/.test(s)) return false;
      return berlin || !aboutBerlin(s);
    });
    if (list.length) kept.push(list);
  }
  const first = kept[0];
  if (!first) return {key: null, more: []};
  const [key, ...restOfFirst] = first;
  const more = [restOfFirst.join(" "), ...kept.slice(1).map((l) => l.join(" "))].filter(Boolean);
  return {key: key!, more};
}
