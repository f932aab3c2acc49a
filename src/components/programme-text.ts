/**
 * The reach figures in sentences a report can reuse ("Mit 21 von 26 Städten …"), generated
 * from the figures of one as-of date, never written by hand.
 */
import type {Reach} from "../../pipelines/programme/reach.ts";
import {formatNumber} from "./format.js";

type EventType = keyof Reach["events"];

/** Singular, plural and the article "ein/eine" of each event type. */
const NOUNS: Record<EventType, [string, string, string]> = {
  Auftaktveranstaltung: ["Auftaktveranstaltung", "Auftaktveranstaltungen", "eine"],
  Kommunalsalon: ["Kommunalsalon", "Kommunalsalons", "ein"],
  Analyseworkshop: ["Analyseworkshop", "Analyseworkshops", "ein"],
  Fortbildung: ["Fortbildung", "Fortbildungen", "eine"],
  Fachgruppentreffen: ["Fachgruppentreffen", "Fachgruppentreffen", "ein"],
  Exkursion: ["Exkursion", "Exkursionen", "eine"]
};

const WORDS = ["null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];

/** Numbers up to twelve as words, as newspapers write them; larger ones in digits. */
export function countWord(n: number, article = "ein"): string {
  if (n === 1) return article;
  return n <= 12 ? WORDS[n]! : formatNumber(n, 0);
}

function counted(n: number, type: EventType): string {
  const [one, many, article] = NOUNS[type];
  return `${countWord(n, article)} ${n === 1 ? one : many}`;
}

const ORIGIN: Record<string, string> = {
  Kommune: "Kommunen bundesweit",
  Wissenschaft: "Wissenschaft",
  Stiftung: "Stiftungen",
  Verband: "Verbänden",
  "Land/Bund": "Land und Bund",
  Sonstige: "weiteren Einrichtungen"
};

/** "a, b und c" */
export function listing(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} und ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function percent(share: number): string {
  return `${formatNumber(share * 100, 0)}\u00a0%`;
}

/** "2015-08-28" → "28.08.2015" */
function german(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** The paragraph for a report, as sentences. */
export function reachSentences(reach: Reach): string[] {
  const sentences: string[] = [];
  const {eligible, engaged, events, participants} = reach;
  const berlin = engaged.berlin_districts > 0 ? `, darunter ${engaged.berlin_districts} von ${eligible.berlin_districts} Berliner Bezirken` : "";
  sentences.push(`Mit ${engaged.total} von ${eligible.total} Städten sind die Transferagenturen für Großstädte im Austausch${berlin} (Stand: ${german(reach.as_of)}).`);

  const held: string[] = [];
  for (const type of Object.keys(events) as EventType[]) {
    const n = events[type].held;
    if (n === 0) continue;
    let phrase = counted(n, type);
    if (type === "Kommunalsalon" && participants.Kommunalsalon.people > 0) {
      const origins = participants.Kommunalsalon.organisations.map((o) => ORIGIN[o] ?? o);
      const local = origins.indexOf(ORIGIN.Kommune!);
      const others = origins.filter((o) => o !== ORIGIN.Kommune);
      const from = local >= 0 ? `aus ${ORIGIN.Kommune}${others.length ? `, aus ${listing(others)}` : ""}` : `aus ${listing(others)}`;
      phrase += ` mit ${formatNumber(participants.Kommunalsalon.people, 0)} Teilnehmenden ${from}`;
    }
    held.push(phrase);
  }
  const total = Object.values(events).reduce((sum, e) => sum + e.held, 0);
  if (held.length) sentences.push(`Bisher ${total === 1 ? "fand" : "fanden"} ${listing(held)} statt.`);
  const planned = events.Analyseworkshop.planned;
  if (planned > 0) sentences.push(`${capitalise(countWord(planned, "ein"))} ${events.Analyseworkshop.held > 0 ? "weitere " : ""}${planned === 1 ? "Analyseworkshop steht" : "Analyseworkshops stehen"} noch an.`);

  const shown = reach.departments.filter((d) => d.share !== null && d.people !== null && d.people > 0);
  const main = shown.filter((d) => ["Jugend", "Schule", "Koordinierung Bildung"].includes(d.department));
  if (reach.municipal_participants > 0 && main.length > 0) {
    const parts = main.map((d) => (d.department === "Koordinierung Bildung" ? `${percent(d.share!)} aus Koordinierungsstellen für Bildung` : `${percent(d.share!)} aus dem Bereich ${d.department}`));
    const rest = reach.departments.filter((d) => !main.includes(d) && d.people !== 0).map((d) => (d.department === "Sonstige" ? "anderen Bereichen" : d.department === "Stabsstelle Oberbürgermeister" ? "Stabsstellen der Oberbürgermeister" : d.department));
    sentences.push(
      `Von den ${formatNumber(reach.municipal_participants, 0)} kommunalen Teilnehmenden aller bisherigen Veranstaltungen kommen ${listing(parts)}${rest.length ? `; die übrigen kommen aus ${listing(rest)}` : ""}.`
    );
  }
  return sentences;
}
