/**
 * Builds the report draft (model.ts) from a region's profile file, the chosen comparison group
 * and the registry. Every sentence is derived from the numbers the warehouse exported; nothing
 * here computes a change across years itself except the trend-reversal rule, which only adds
 * up the warehouse's own one-year changes (null where two years are not comparable).
 */
import type {ProfileIndicator, ProfileSeries} from "../../../pipelines/exports/profile-file.ts";
import type {Indicator} from "../../../pipelines/snapshot/format.ts";
import {planTrend} from "../charts/trend-chart.js";
import {sourceBreaks} from "../charts/series-breaks.js";
import {flagLabel} from "../flags.js";
import {formatNumber, formatPeriod, formatValue} from "../format.js";
import type {Block, ChartPoint, Report, ReportInput} from "./model.js";

export const AREAS = ["Rahmenbedingungen", "Frühkindliche Bildung", "Allgemeinbildende Schule", "Berufliche Bildung", "Hochschule", "Weiterbildung"] as const;
/** Areas that always get a chapter; Weiterbildung only where the region has data. */
const ALWAYS = new Set<string>(AREAS.slice(0, 5));

/** Rows of an indicator table: the latest period and the ten years before it. */
export const TABLE_YEARS = 10;
/** A top or bottom quarter needs a group of at least this many regions with a number. */
export const QUARTER_MIN_GROUP = 4;
/** How many of the largest five-year changes "Das Wichtigste" lists. */
export const TOP_CHANGES = 5;
/** A series counts as old when its latest year lies more than this many years before the newest year of the draft. */
export const OLD_AFTER_YEARS = 2;

/** What a city's own records typically add to each area (for the "Datenlage" answer). */
const OWN_DATA: Record<string, string> = {
  "Rahmenbedingungen": "kleinräumige Bevölkerungs- und Sozialdaten (Stadtteile, Schulbezirke), SGB-II-Quoten von Kindern",
  "Frühkindliche Bildung": "Kita-Bedarfsplanung, Wartelisten, Sprachstandserhebungen, Schuleingangsuntersuchungen",
  "Allgemeinbildende Schule": "Schulentwicklungsplanung, Übergangsquoten nach Klasse 4, Ganztagsplätze, Schulabsentismus",
  "Berufliche Bildung": "Daten der Jugendberufsagentur, Verbleib nach der Schule, Ausbildungsplatzbilanz der Kammern",
  "Hochschule": "Studierende aus der Stadt (Wohnort), duale Studiengänge, Verbleib von Absolventinnen und Absolventen",
  "Weiterbildung": "Volkshochschulstatistik, Teilnahmen an Grundbildung und Integrationskursen, Bildungsberatung"
};

export const REVERSAL_RULE =
  "Eine Trendwende ist hier so festgelegt: Die Veränderung über die letzten drei Jahre hat ein anderes Vorzeichen als die über die drei Jahre davor, und beide betragen mindestens eine Einheit der Kennzahl (bei Anteilen einen Prozentpunkt). Gezählt werden nur lückenlose Jahresreihen, deren Jahreswerte miteinander vergleichbar sind.";

export const QUARTER_RULE =
  `Zum oberen Viertel zählt eine Kennzahl, wenn mindestens 75 % der übrigen Regionen der Vergleichsgruppe mit Wert niedriger liegen, zum unteren Viertel, wenn mindestens 75 % höher liegen (gleiche Werte zählen zu keiner Seite; nur Gruppen mit mindestens ${QUARTER_MIN_GROUP} Werten).`;

export const CHANGE_RULE =
  `Die größten Veränderungen sind die ${TOP_CHANGES} Kennzahlen mit der größten relativen Veränderung gegenüber dem Wert fünf Jahre zuvor; verglichen werden nur Werte, die das Warehouse als vergleichbar ausweist.`;

interface Latest {
  i: number;
  period: string;
  year: number;
  value: number | null;
  flag: string | null;
}

interface Item {
  indicator: ProfileIndicator;
  entry: Indicator | undefined;
  series: ProfileSeries;
  latest: Latest | null;
  figure: number;
  table: number;
}

function latestOf(series: ProfileSeries): Latest | null {
  for (let i = series.period.length - 1; i >= 0; i--) {
    if (series.value[i] !== null || series.flag[i] !== null) return {i, period: series.period[i]!, year: series.year[i]!, value: series.value[i] ?? null, flag: series.flag[i] ?? null};
  }
  return null;
}

/** "Prozentpunkte" for shares, the unit otherwise. */
function changeUnit(unit: string): string {
  return unit === "%" ? "Prozentpunkte" : unit;
}

/** A signed change in the indicator's unit: "+2,3 Prozentpunkte", "−1,0 je 1.000 Einwohner". */
export function formatChange(change: number, unit: string, decimals: number): string {
  const number = formatNumber(Math.abs(change), decimals);
  const sign = number.replace(/[0,.]/g, "") === "" ? "±" : change > 0 ? "+" : "−";
  const u = changeUnit(unit);
  return `${sign}${number}${u ? `\u00a0${u}` : ""}`;
}

function polarityWord(polarity: Indicator["polarity"], higher: boolean): "günstig" | "ungünstig" | null {
  if (polarity === "neutral") return null;
  return (polarity === "higher_better") === higher ? "günstig" : "ungünstig";
}

function polarityNote(polarity: Indicator["polarity"]): string {
  if (polarity === "higher_better") return "Höhere Werte gelten im Indikatorenregister als günstig.";
  if (polarity === "higher_worse") return "Höhere Werte gelten im Indikatorenregister als ungünstig.";
  return "Das Indikatorenregister bewertet die Richtung dieser Kennzahl nicht.";
}

/** "Köln" + "lag" … sentences use the region's name; a Bezirk keeps its own. */
export function buildReport(input: ReportInput): Report {
  const {file, catalog} = input;
  const region = file.region;
  const group = file.groups.find((g) => g.id === input.groupId);
  if (!group) throw new Error(`Vergleichsgruppe ${JSON.stringify(input.groupId)} gehört nicht zu ${region.name}: ${file.groups.map((g) => g.id).join(", ")}`);
  const entries = new Map(catalog.map((e) => [e.id, e]));
  const landName = region.level === "kreis" ? region.land_name : null;
  const blocks: Block[] = [];
  const fig = (item: Item) => `Abbildung ${item.figure}`;
  const tab = (item: Item) => `Tabelle ${item.table}`;

  // Number the figures and tables in chapter order, so "Das Wichtigste" can point ahead to them.
  const items: Item[] = [];
  let counter = 0;
  const byArea = new Map<string, Item[]>();
  for (const area of AREAS) {
    const list: Item[] = [];
    for (const indicator of file.indicators.filter((x) => x.area === area)) {
      const series = file.series[indicator.id];
      if (!series) continue;
      const latest = latestOf(series);
      if (!latest) continue;
      counter++;
      const item = {indicator, entry: entries.get(indicator.id), series, latest, figure: counter, table: counter};
      list.push(item);
      items.push(item);
    }
    byArea.set(area, list);
  }
  const newestYear = Math.max(...items.map((x) => x.latest!.year));
  const newestPeriod = items.map((x) => x.latest!.period).reduce((a, b) => (periodKey(b) > periodKey(a) ? b : a), items[0]?.latest?.period ?? "");

  // ─── Title page ────────────────────────────────────────────────────────────────────────
  const title = `Bildungsbericht ${region.name} – Entwurf`;
  blocks.push({
    kind: "title",
    text: title,
    lines: [
      `${region.type}${region.land_name && region.level === "kreis" ? `, ${region.land_name}` : region.level === "bezirk" ? ", Berlin" : ""} (Regionalschlüssel ${region.id})`,
      `Vergleichsgruppe: ${group.name} (${group.members} Regionen)`,
      `Datenstand: neuester Stichtag ${formatPeriod(newestPeriod)}${input.builtAt ? `; Datenbestand erstellt am ${formatPeriod(input.builtAt.slice(0, 10))}` : ""}`,
      "Dieser Entwurf wurde automatisch aus amtlichen Daten erzeugt (Kommunaler Bildungsmonitor). Die Texte sind Vorschläge: Sie beschreiben die Zahlen, bewerten aber keine Ursachen. Vor einer Veröffentlichung fachlich prüfen, ergänzen und kürzen."
    ]
  });

  // ─── Das Wichtigste in Kürze ───────────────────────────────────────────────────────────
  blocks.push({kind: "heading", level: 1, text: "Das Wichtigste in Kürze"});
  blocks.push({kind: "paragraph", text: `${region.name} wird in diesem Entwurf mit der Vergleichsgruppe ${group.name} (${group.members} Regionen), mit ${landName ?? "Berlin"} und mit Deutschland verglichen. ${items.length} Kennzahlen liegen für ${region.name} vor.`});

  blocks.push({kind: "heading", level: 2, text: "Stellung in der Vergleichsgruppe"});
  blocks.push({kind: "paragraph", text: QUARTER_RULE});
  const quarters = items.flatMap((item) => {
    const p = item.series.peers[group.id];
    const l = item.latest!;
    if (!p || l.value === null) return [];
    const pct = p.percentile[l.i] ?? null;
    const of = p.of[l.i] ?? 0;
    if (pct === null || of < QUARTER_MIN_GROUP) return [];
    const rank = p.rank[l.i] ?? null;
    // Share of the others strictly higher: rank − 1 of them (ties share the smallest rank).
    const higher = rank === null ? null : ((rank - 1) / (of - 1)) * 100;
    const top = pct >= 75;
    const bottom = higher !== null && higher >= 75;
    if (!top && !bottom) return [];
    return [{item, top, rank, of, pct}];
  });
  const quarterLine = (q: (typeof quarters)[number]) => {
    const {item, top, rank, of} = q;
    const word = polarityWord(item.indicator.polarity, top);
    const l = item.latest!;
    return `${item.indicator.short_name}: ${fmt(l.value, item.indicator)} (${formatPeriod(l.period)}), Rang ${rank} von ${of} – im ${top ? "oberen" : "unteren"} Viertel${word ? `, das ist ${word}` : ` (${top ? "über" : "unter"} dem Median; ohne Bewertung der Richtung)`} (${fig(item)}).`;
  };
  const tops = quarters.filter((q) => q.top);
  const bottoms = quarters.filter((q) => !q.top);
  if (tops.length) blocks.push({kind: "paragraph", text: `Im oberen Viertel der Gruppe ${group.name} liegt ${region.name} bei ${tops.length} ${tops.length === 1 ? "Kennzahl" : "Kennzahlen"}:`}, {kind: "list", items: tops.map(quarterLine)});
  if (bottoms.length) blocks.push({kind: "paragraph", text: `Im unteren Viertel liegt ${region.name} bei ${bottoms.length} ${bottoms.length === 1 ? "Kennzahl" : "Kennzahlen"}:`}, {kind: "list", items: bottoms.map(quarterLine)});
  if (!quarters.length) blocks.push({kind: "paragraph", text: `Bei keiner Kennzahl liegt ${region.name} im oberen oder unteren Viertel der Gruppe ${group.name}.`});

  blocks.push({kind: "heading", level: 2, text: "Größte Veränderungen in fünf Jahren"});
  blocks.push({kind: "paragraph", text: CHANGE_RULE});
  const changes = items
    .flatMap((item) => {
      const l = item.latest!;
      const change = item.series.change_5y[l.i] ?? null;
      if (change === null || l.value === null) return [];
      const before = l.value - change;
      if (before === 0) return [];
      return [{item, change, before, relative: Math.abs(change / before)}];
    })
    .sort((a, b) => b.relative - a.relative || a.item.indicator.id.localeCompare(b.item.indicator.id))
    .slice(0, TOP_CHANGES);
  if (changes.length) {
    blocks.push({
      kind: "list",
      items: changes.map(({item, change, before}) => {
        const l = item.latest!;
        const ind = item.indicator;
        const word = change === 0 ? null : polarityWord(ind.polarity, change > 0);
        return `${ind.short_name}: von ${fmt(before, ind)} (${l.year - 5}) auf ${fmt(l.value, ind)} (${l.year}), ${formatChange(change, ind.unit, ind.decimals)}${word ? ` – eine ${word}e Entwicklung` : ""} (${fig(item)}).`;
      })
    });
  } else {
    blocks.push({kind: "paragraph", text: `Für ${region.name} liegt keine Kennzahl mit zwei vergleichbaren Werten im Abstand von fünf Jahren vor.`});
  }

  blocks.push({kind: "heading", level: 2, text: "Trendwenden"});
  blocks.push({kind: "paragraph", text: REVERSAL_RULE});
  const reversals = items.flatMap((item) => {
    const r = trendReversal(item.series, item.latest!.i);
    return r ? [{item, ...r}] : [];
  });
  if (reversals.length) {
    blocks.push({
      kind: "list",
      items: reversals.map(({item, recent, before, year}) => {
        const ind = item.indicator;
        const word = polarityWord(ind.polarity, recent > 0);
        return `${ind.short_name}: ${year - 6}–${year - 3} ${formatChange(before, ind.unit, ind.decimals)}, ${year - 3}–${year} ${formatChange(recent, ind.unit, ind.decimals)}${word ? ` – die Richtung hat sich ins ${word === "günstig" ? "Günstige" : "Ungünstige"} gedreht` : ""} (${fig(item)}).`;
      })
    });
  } else {
    blocks.push({kind: "paragraph", text: `Nach dieser Regel zeigt keine Kennzahl von ${region.name} eine Trendwende.`});
  }

  // ─── Datenlage ─────────────────────────────────────────────────────────────────────────
  blocks.push({kind: "heading", level: 1, text: "Datenlage"});
  blocks.push({kind: "paragraph", text: `Wie ist die Datenlage? Für jeden Bereich des Leitfadens Bildungsmonitoring: welche Kennzahlen es für ${region.name} gibt und bis wann, wo Jahre fehlen oder nur Sonderzeichen stehen, welche Reihen älter als ${OLD_AFTER_YEARS} Jahre sind (gemessen am neuesten Jahr dieses Entwurfs, ${newestYear}) und was sich ergänzen lässt.`});
  const available = new Set(items.map((x) => x.indicator.id));
  for (const area of AREAS) {
    const list = byArea.get(area) ?? [];
    const possible = catalog.filter((e) => e.area === area && e.levels.includes(region.level as Indicator["levels"][number]));
    if (!list.length && !possible.length && !ALWAYS.has(area)) continue;
    blocks.push({kind: "heading", level: 2, text: area});
    const lines: string[] = [];
    for (const item of list) {
      const l = item.latest!;
      const gaps = seriesGaps(item.series);
      const flags = flaggedPeriods(item.series);
      const from = firstYear(item.series);
      const parts = [`${item.indicator.short_name}: ${from === l.year ? formatPeriod(l.period) : `${from}–${formatPeriod(l.period)}`}`];
      if (gaps.length) parts.push(`ohne Wert ${yearList(gaps)}`);
      if (flags.length) parts.push(`Sonderzeichen ${flags.map((f) => `${formatPeriod(f.period)} „${f.flag}“ (${flagLabel(f.flag)})`).join(", ")}`);
      if (l.year < newestYear - OLD_AFTER_YEARS) parts.push(`älter als ${OLD_AFTER_YEARS} Jahre`);
      lines.push(parts.join("; "));
    }
    if (lines.length) blocks.push({kind: "paragraph", text: `${list.length} ${list.length === 1 ? "Kennzahl liegt" : "Kennzahlen liegen"} vor:`}, {kind: "list", items: lines});
    else blocks.push({kind: "paragraph", text: `Für ${region.name} liegt in diesem Bereich keine Kennzahl aus der amtlichen Statistik vor.`});
    const missing = possible.filter((e) => !available.has(e.id));
    if (missing.length) blocks.push({kind: "paragraph", text: `Im Register, aber ohne Wert für ${region.name}: ${missing.map((e) => e.short_name).join(", ")}.`});
    const pulls = input.pullTables
      .map((t) => ({table: t.table, names: t.indicators.map((id) => entries.get(id)).filter((e): e is Indicator => !!e && e.area === area).filter((e) => e.levels.includes(region.level as Indicator["levels"][number])).map((e) => e.short_name)}))
      .filter((t) => t.names.length);
    const addable = pulls.map((t) => `„kbm pull --table ${t.table}“ lädt neuere Jahre für ${t.names.join(", ")} aus der Regionaldatenbank`);
    addable.push(`eigene Daten des Amtes: ${OWN_DATA[area]}`);
    blocks.push({kind: "paragraph", text: `Ergänzen lässt sich: ${addable.join("; ")}.`});
  }

  // ─── One chapter per area ──────────────────────────────────────────────────────────────
  for (const area of AREAS) {
    const list = byArea.get(area) ?? [];
    if (!list.length && !ALWAYS.has(area)) continue;
    blocks.push({kind: "heading", level: 1, text: area});
    if (!list.length) {
      blocks.push({kind: "paragraph", text: `Für ${region.name} liegt in diesem Bereich keine Kennzahl aus der amtlichen Statistik vor (siehe Datenlage).`});
      continue;
    }
    for (const item of list) blocks.push(...indicatorSection(item, region.name, group, landName, fig(item), tab(item), region.land === "11", attributionOf(item)));
  }

  // ─── Quellen und Lizenzen ──────────────────────────────────────────────────────────────
  blocks.push({kind: "heading", level: 1, text: "Quellen und Lizenzen"});
  const usedSources = new Map<string, Set<string>>();
  for (const item of items) {
    for (const [k, s] of item.series.source.entries()) {
      if (!s || (item.series.value[k] === null && item.series.flag[k] === null)) continue;
      if (!usedSources.has(s)) usedSources.set(s, new Set());
      usedSources.get(s)!.add(item.indicator.id);
    }
  }
  const sourceTable = counter + 1;
  blocks.push({kind: "paragraph", text: `Alle Zahlen dieses Entwurfs stammen aus den folgenden Quellen. Die Lizenzen verlangen die Namensnennung, wie sie hier steht. Tabelle ${sourceTable} nennt für jede Kennzahl Tabelle und Stichtag.`});
  const sourceLines = [...usedSources.keys()].sort().map((id) => {
    const s = input.sources.find((x) => x.id === id);
    if (!s) return `${id}: ohne Eintrag im Quellenkatalog`;
    return `${s.publisher}: ${s.title}. Stand: ${s.reference}. Lizenz: ${s.licence} (${s.licence_url}). Namensnennung: „${s.attribution}“.`;
  });
  blocks.push({kind: "list", items: sourceLines});
  blocks.push({
    kind: "table",
    number: sourceTable,
    caption: `Tabelle ${sourceTable}: Quellen der Kennzahlen mit Tabelle und Stichtag`,
    header: ["Kennzahl", "Herausgeber", "Tabelle / Code", "Stichtag", "Lizenz"],
    rows: items.map((item) => {
      const e = item.entry;
      const codes = e ? [e.source.table, e.source.inkar_code, ...e.further_sources.map((f) => f.table)].filter((c): c is string => !!c) : [];
      const publishers = [...new Set([...(usedSources.entries())].filter(([, ids]) => ids.has(item.indicator.id)).map(([id]) => input.sources.find((s) => s.id === id)?.publisher ?? id))];
      const licences = [...new Set([...(usedSources.entries())].filter(([, ids]) => ids.has(item.indicator.id)).map(([id]) => input.sources.find((s) => s.id === id)?.licence ?? ""))];
      return [item.indicator.short_name, publishers.join("; "), [...new Set(codes)].join(", ") || "–", e?.reference_date ?? "–", licences.join("; ")];
    }),
    note: null
  });

  return {
    fileStem: `Bildungsbericht-Entwurf_${region.id}_${asciiName(region.name)}`,
    title,
    regionName: region.name,
    groupName: group.name,
    blocks
  };

  /** "Quelle: …" with the attribution of the sources the region's values come from. */
  function attributionOf(item: Item): string {
    const ids = [...new Set(item.series.source.filter((x, k): x is string => !!x && (item.series.value[k] !== null || item.series.flag[k] !== null)))];
    const texts = [...new Set(ids.map((id) => input.sources.find((x) => x.id === id)?.attribution ?? item.indicator.attribution))];
    return `Quelle: ${(texts.length ? texts : [item.indicator.attribution]).join("; ")}.`;
  }

  function fmt(value: number | null, ind: ProfileIndicator) {
    return formatValue(value, ind.unit, ind.decimals);
  }
}

/** Caveats that speak only of Berlin's districts or Planungsräume (left out of other regions' drafts). */
const BERLIN_ONLY = /^(Berliner Bezirke|Planungsräume|Bezirks- und Berlinwerte|Nur Berlin|Die Bezirkswerte)/;

function indicatorSection(item: Item, regionName: string, group: {id: string; name: string}, landName: string | null, fig: string, tab: string, inBerlin: boolean, attribution: string): Block[] {
  const {indicator: ind, series: s, entry} = item;
  const l = item.latest!;
  const fmt = (v: number | null) => formatValue(v, ind.unit, ind.decimals);
  const when = formatPeriod(l.period);
  const p = s.peers[group.id];
  const sentences: string[] = [];
  if (entry) sentences.push(entry.definition);
  if (l.value === null) {
    // Figure and table exist here too (the group median, any earlier years): the text points to them.
    sentences.push(`Für ${when} ist für ${regionName} kein Zahlenwert veröffentlicht (Zeichen „${l.flag}“: ${flagLabel(l.flag)}) (${fig}, ${tab}).`);
  } else {
    sentences.push(`${when} lag der Wert in ${regionName} bei ${fmt(l.value)}${l.flag ? ` (Kennzeichen „${l.flag}“: ${flagLabel(l.flag)})` : ""} (${fig}, ${tab}).`);
    const c5 = s.change_5y[l.i] ?? null;
    const c1 = s.change_1y[l.i] ?? null;
    if (c5 !== null) sentences.push(`Gegenüber ${l.year - 5} ist das ${c5 > 0 ? "ein Anstieg" : c5 < 0 ? "ein Rückgang" : "keine Veränderung"}${c5 !== 0 ? ` um ${formatChange(Math.abs(c5), ind.unit, ind.decimals).slice(1)}` : ""}${c1 !== null ? `, gegenüber dem Vorjahr ${formatChange(c1, ind.unit, ind.decimals)}` : ""}.`);
    else if (c1 !== null) sentences.push(`Gegenüber dem Vorjahr: ${formatChange(c1, ind.unit, ind.decimals)}; einen vergleichbaren Wert fünf Jahre zuvor gibt es nicht.`);
    else sentences.push(`Eine Veränderung lässt sich nicht angeben: Es gibt keinen vergleichbaren Wert ein oder fünf Jahre zuvor.`);
    const median = p?.median[l.i] ?? null;
    const of = p?.of[l.i] ?? 0;
    if (p && median !== null && of >= 2) {
      const relation = l.value > median ? "über" : l.value < median ? "unter" : "genau auf";
      sentences.push(`Damit lag ${regionName} ${relation} dem Median der Vergleichsgruppe ${group.name} (${fmt(median)}; Rang ${p.rank[l.i]} von ${of} Regionen mit Wert).`);
    } else {
      sentences.push(`Einen Median der Vergleichsgruppe ${group.name} gibt es für ${when} nicht.`);
    }
    const land = landName ? s.land[l.i] ?? null : null;
    const bund = s.bund[l.i] ?? null;
    const ref = [land !== null ? `${landName} ${fmt(land)}` : null, bund !== null ? `Deutschland ${fmt(bund)}` : null].filter(Boolean);
    if (ref.length) sentences.push(`Zum Vergleich: ${ref.join(", ")}.`);
  }
  sentences.push(polarityNote(ind.polarity));
  const blocks: Block[] = [{kind: "heading", level: 2, text: ind.name}, {kind: "paragraph", text: sentences.join(" ")}];
  const caveats = (entry?.caveats ?? ind.caveats).filter((c) => inBerlin || !BERLIN_ONLY.test(c));
  if (caveats.length) blocks.push({kind: "paragraph", text: `Hinweis: ${caveats.join(" ")}`});

  const first = s.year[0]!;
  const chart = {points: chartPoints(s, group.id, landName !== null), unit: ind.unit, decimals: ind.decimals, regionName, medianLabel: `Median ${group.name}`, landName, breaks: sourceBreaks(s, ind.bases)};
  // What the chart leaves out and why (e.g. Land and Bund of a count), as the profile card says it.
  const notes = planTrend(chart.points, {width: 640, ...chart}).notes;
  if (chart.breaks.length) notes.push(`Die senkrechte Linie markiert einen Quellenwechsel (${chart.breaks.map((b) => b.year).join(", ")}); Werte beiderseits sind nur bedingt vergleichbar.`);
  if (notes.length) blocks.push({kind: "paragraph", text: `Zu ${fig}: ${notes.join(" ")}`});
  blocks.push({
    kind: "figure",
    number: item.figure,
    caption: `${fig}: ${ind.short_name} (${ind.unit}) in ${regionName}, Median ${group.name}${landName ? `, ${landName}` : ""} und Deutschland, ${first === s.year.at(-1) ? first : `${first}–${s.year.at(-1)}`}. ${attribution}`,
    alt: altText(item, regionName, group.name, landName),
    chart
  });

  const from = l.year - TABLE_YEARS;
  const rows: string[][] = [];
  let flagged = false;
  for (let k = 0; k < s.period.length; k++) {
    if (s.year[k]! < from || k > l.i) continue;
    const value = s.value[k] ?? null;
    const flag = s.flag[k] ?? null;
    if (flag) flagged = true;
    const cell = value === null ? (flag ? flag : "–") : `${formatNumber(value, ind.decimals)}${flag ? ` ${flag}` : ""}`;
    const row = [formatPeriod(s.period[k]!), cell, formatNumber(p?.median[k] ?? null, ind.decimals)];
    if (landName) row.push(formatNumber(s.land[k] ?? null, ind.decimals));
    row.push(formatNumber(s.bund[k] ?? null, ind.decimals));
    rows.push(row);
  }
  const omitted = s.year.filter((y, k) => y < from && (s.value[k] !== null || s.flag[k] !== null)).length;
  const tableNotes = ["„–“: kein Wert."];
  if (flagged) tableNotes.push("Zeichen der amtlichen Statistik: " + [...new Set(s.flag.filter((f): f is string => !!f))].map((f) => `„${f}“ ${flagLabel(f)}`).join(", ") + ".");
  if (omitted) tableNotes.push(`Ältere Jahre (ab ${first}) stehen in ${fig} und in „kbm export“.`);
  tableNotes.push(attribution);
  blocks.push({
    kind: "table",
    number: item.table,
    caption: `${tab}: ${ind.short_name} (${ind.unit}) in ${regionName}, im Median der Gruppe ${group.name}${landName ? `, in ${landName}` : ""} und in Deutschland`,
    header: ["Jahr", regionName, `Median ${group.name}`, ...(landName ? [landName] : []), "Deutschland"],
    rows,
    note: tableNotes.join(" ")
  });
  return blocks;
}

function altText(item: Item, regionName: string, groupName: string, landName: string | null): string {
  const {indicator: ind, series: s} = item;
  const withValue = s.value.map((v, k) => ({v, y: s.year[k]!})).filter((x): x is {v: number; y: number} => x.v !== null);
  const f = (v: number | null) => formatValue(v, ind.unit, ind.decimals);
  if (!withValue.length) return `Liniendiagramm ${ind.short_name} in ${regionName}: keine Zahlenwerte.`;
  const a = withValue[0]!;
  const b = withValue.at(-1)!;
  return `Liniendiagramm ${ind.short_name} in ${regionName} von ${a.y} bis ${b.y}: von ${f(a.v)} auf ${f(b.v)}; dazu der Median der Gruppe ${groupName} mit der mittleren Hälfte der Gruppe als Band${landName ? `, ${landName}` : ""} und Deutschland.`;
}

/** The chart's points: region, chosen group's median and quartiles, Land (Kreise only) and Bund per year. */
export function chartPoints(s: ProfileSeries, groupId: string, withLand: boolean): ChartPoint[] {
  const p = s.peers[groupId];
  return s.period.map((_, k) => ({
    year: s.year[k]!,
    value: s.value[k] ?? null,
    flag: s.flag[k] ?? null,
    median: p?.median[k] ?? null,
    q1: p?.q1[k] ?? null,
    q3: p?.q3[k] ?? null,
    land: withLand ? s.land[k] ?? null : null,
    bund: s.bund[k] ?? null
  }));
}

/**
 * Trend reversal at period i: the sum of the warehouse's one-year changes over the last three
 * years against the three before. Every one of the six must exist (consecutive, comparable years).
 */
export function trendReversal(s: ProfileSeries, i: number): {recent: number; before: number; year: number} | null {
  if (i < 5) return null;
  const year = s.year[i]!;
  const steps: number[] = [];
  for (let k = 0; k < 6; k++) {
    const c = s.change_1y[i - k] ?? null;
    if (c === null || s.year[i - k] !== year - k) return null;
    steps.push(c);
  }
  const recent = round6(steps[0]! + steps[1]! + steps[2]!);
  const before = round6(steps[3]! + steps[4]! + steps[5]!);
  if (Math.abs(recent) < 1 || Math.abs(before) < 1 || Math.sign(recent) === Math.sign(before)) return null;
  return {recent, before, year};
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

/** Years between the first and the latest period with neither a number nor a flag. */
export function seriesGaps(s: ProfileSeries): number[] {
  const years = new Set(s.year.filter((_, k) => s.value[k] !== null || s.flag[k] !== null));
  if (!years.size) return [];
  const list = [...years];
  const gaps: number[] = [];
  for (let y = Math.min(...list); y <= Math.max(...list); y++) if (!years.has(y)) gaps.push(y);
  return gaps;
}

function flaggedPeriods(s: ProfileSeries): {period: string; flag: string}[] {
  return s.period.flatMap((period, k) => (s.value[k] === null && s.flag[k] ? [{period, flag: s.flag[k]!}] : []));
}

function firstYear(s: ProfileSeries): number {
  const k = s.period.findIndex((_, j) => s.value[j] !== null || s.flag[j] !== null);
  return s.year[k]!;
}

/** "2003, 2005–2007" */
export function yearList(years: number[]): string {
  const parts: string[] = [];
  for (let k = 0; k < years.length; ) {
    let j = k;
    while (j + 1 < years.length && years[j + 1] === years[j]! + 1) j++;
    parts.push(j > k ? `${years[k]}–${years[j]}` : String(years[k]));
    k = j + 1;
  }
  return parts.join(", ");
}

function periodKey(period: string): string {
  return period.length === 4 ? `${period}-12-31` : period;
}

function asciiName(name: string): string {
  return name
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/Ä/g, "Ae").replace(/Ö/g, "Oe").replace(/Ü/g, "Ue").replace(/ß/g, "ss")
    .normalize("NFKD").replace(/[^\w-]+/g, "_").replace(/_+/g, "_").replace(/^_|_$/g, "");
}
