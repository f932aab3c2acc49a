/**
 * A small, valid set of programme sheets, written to a temp folder; each test changes one
 * cell or line to make exactly one problem. Provenance: made up for these tests (fictitious
 * names and @example.org addresses), in the template of data/programme/README.md.
 */
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

export const FIXTURE: Record<string, string> = {
  "kommunen.csv": `id;name;typ;regionalschluessel;foerderfaehig;begruendung;agentur;erstkontakt;analyseworkshop;vereinbarung;erste_fortbildung;fachgruppe
bochum;Bochum;kreisfreie Stadt;05911;ja;über 250.000 Einwohner;Bremen;01.07.2014;10.03.2015;;;
berlin-mitte;Berlin-Mitte;Berliner Bezirk;11001001;ja;Berliner Bezirk;Berlin;12.06.2014;;;;
hannover;Hannover;kreisangehörige Stadt;03241001;ja;über 250.000 Einwohner;Hamburg;;;;;
kiel;Kiel;kreisfreie Stadt;01002;nein;unter 250.000 Einwohner;;;;;;
`,
  "veranstaltungen.csv": `id;typ;datum;gastgeber;titel;modul;fachgruppe;abgesagt;agentur
V1;Kommunalsalon;25.09.2014;bochum;Kommunalsalon eins;;;nein;Bremen
V2;Analyseworkshop;10.03.2015;bochum;Analyseworkshop Bochum;;;nein;Bremen
V3;Fortbildung;20.05.2015;berlin-mitte;Fortbildung Daten;M2;;nein;Berlin
V4;Fachgruppentreffen;01.09.2015;bochum;Fachgruppe Monitoring;;monitoring;ja;Bremen
V5;Kommunalsalon;03.12.2015;berlin-mitte;Kommunalsalon zwei;;;nein;Berlin
`,
  "teilnahmen.csv": `veranstaltung;name;email;telefon;organisation;kommune;bereich
V1;Anna Fixtur;anna.fixtur@example.org;+49 000 1111;Kommune;bochum;Jugend
V1;Ben Fixtur;ben.fixtur@example.org;;Wissenschaft;;
V1;Clara Fixtur;clara.fixtur@example.org;;Kommune;kiel;Schule
V2;Anna Fixtur;Anna.Fixtur@example.org;;Kommune;bochum;Jugend
V2;Dirk Fixtur;dirk.fixtur@example.org;;Kommune;bochum;Koordinierung Bildung
`,
  "fachgruppen.csv": `id;name
monitoring;Monitoring
`,
  "module.csv": `id;nummer;name
M2;2;Datengestütztes Steuern
`,
  "meilensteine.csv": `datum;text;quelle
28.08.2015;21 von 26 Städten im Austausch;Testmeldung vom 28.08.2015
`,
  "stand.csv": `liste;exportiert_am;hinweis
kommunen.csv;30.06.2015;Testdaten
veranstaltungen.csv;30.06.2015;Testdaten
teilnahmen.csv;30.06.2015;Testdaten
fachgruppen.csv;30.06.2015;Testdaten
module.csv;30.06.2015;Testdaten
`
};

export interface FixtureDir {
  dir: string;
  cleanup(): void;
}

/** Writes the fixture, with `change` applied to the named files' text. */
export function writeSheets(change: Record<string, (text: string) => string> = {}): FixtureDir {
  const dir = mkdtempSync(join(tmpdir(), "kbm-programme-"));
  for (const [name, text] of Object.entries(FIXTURE)) writeFileSync(join(dir, name), (change[name] ?? ((t: string) => t))(text));
  return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

/** Replaces exactly one occurrence; fails loudly when the fixture changed under the test. */
export function once(search: string, replacement: string): (text: string) => string {
  return (text) => {
    const count = text.split(search).length - 1;
    if (count !== 1) throw new Error(`fixture: ${JSON.stringify(search)} occurs ${count} times`);
    return text.replace(search, replacement);
  };
}
