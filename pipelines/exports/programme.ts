/**
 * Export for /programm/: the reach on every date a figure changes (the page shows any as-of
 * date from these), the eligible municipalities with their stage dates, the events, and one
 * indicator of the statistics per profile region, side by side. Nothing personal: the reach
 * holds only counts (cells of 1–2 people hidden), the records hold no people at all.
 */
import {listValue, type DuckDBConnection} from "@duckdb/node-api";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import type {IsoDate, Milestone, Municipality, ProgrammeData, ProgrammeEvent} from "../../loaders/programme/types.ts";
import {publishedSeries, type PublishedReach} from "../programme/published.ts";
import {listStand, programmeSource} from "../programme/reach.ts";
import {queryRows} from "../warehouse/sql.ts";

export interface DashboardMunicipality extends Omit<Municipality, "eligible"> {
  /** Name of the profile region where it differs (a city within a Kreis: its Kreis). */
  profile_name: string | null;
  /** The events its staff attended (municipality level: which events, never who or how many). */
  attended: {event: string; date: IsoDate}[];
}

export interface DashboardIndicator {
  id: string;
  name: string;
  short_name: string;
  unit: string;
  decimals: number;
  /** The periods of the values shown, e.g. "2022" or "2022 und 2023". */
  period: string;
  /** What the page's source line needs (see src/components/source-note.ts). */
  indicator: {reference_date: string; source: {table: string | null; inkar_code: string | null}};
  /** The sources of the values shown (attributions and licences joined). */
  source: {attribution: string; licence: string};
  /** Latest value per profile region; a region without any value is missing. */
  values: Record<string, {value: number; period: string}>;
}

export interface ProgrammeDashboard {
  source: string;
  stand: IsoDate;
  municipalities: DashboardMunicipality[];
  events: (ProgrammeEvent & {host_name: string; module_name: string | null; topic_group_name: string | null})[];
  /** The published reach before the first and on every later change or reporting date; the entry with the latest as_of ≤ a day holds that day's figures. */
  series: Omit<PublishedReach, "stand" | "source" | "over_time">[];
  milestones: Milestone[];
  modules: {id: string; number: number; name: string}[];
  topic_groups: {id: string; name: string}[];
  indicators: DashboardIndicator[];
}

export async function programmeDashboard(data: ProgrammeData, connection: DuckDBConnection): Promise<ProgrammeDashboard> {
  const eligible = data.municipalities.filter((m) => m.eligible);
  const profiles = [...new Set(eligible.map((m) => m.profile_id).filter((id): id is string => id !== null))];
  const names = new Map((await queryRows(connection, "SELECT id, name FROM regions WHERE list_contains($ids, id)", {ids: listValue(profiles)})).map((r) => [String(r.id), String(r.name)]));
  const nameOf = new Map(data.municipalities.map((m) => [m.id, m.name]));
  return {
    source: programmeSource(data),
    stand: listStand(data),
    municipalities: eligible.map(({eligible: _, ...m}) => ({
      ...m,
      profile_name: m.type === "kreisangehörige Stadt" && m.profile_id ? (names.get(m.profile_id) ?? null) : null,
      attended: attendedBy(data, m.id)
    })),
    events: data.events.map((e) => ({
      ...e,
      host_name: nameOf.get(e.host) ?? e.host,
      module_name: data.modules.find((m) => m.id === e.module)?.name ?? null,
      topic_group_name: data.topicGroups.find((g) => g.id === e.topic_group)?.name ?? null
    })),
    series: publishedSeries(data).map(({stand: _s, source: _q, ...figures}) => figures),
    milestones: data.milestones,
    modules: data.modules,
    topic_groups: data.topicGroups,
    indicators: await indicatorsFor(connection, profiles)
  };
}

function attendedBy(data: ProgrammeData, municipality: string): {event: string; date: IsoDate}[] {
  const events = new Set(data.attendance.filter((a) => a.municipality === municipality).map((a) => a.event));
  return data.events.filter((e) => events.has(e.id)).map((e) => ({event: e.id, date: e.date})).sort((a, b) => a.date.localeCompare(b.date) || a.event.localeCompare(b.event));
}

async function indicatorsFor(connection: DuckDBConnection, regions: string[]): Promise<DashboardIndicator[]> {
  const rows = await queryRows(connection, readFileSync(join(import.meta.dirname, "../programme/sql/indicators.sql"), "utf-8"), {regions: listValue(regions)});
  const byId = new Map<string, DashboardIndicator>();
  const sources = new Map<string, Map<string, {attribution: string; licence: string}>>();
  for (const r of rows) {
    const id = String(r.id);
    let entry = byId.get(id);
    if (!entry) {
      const meta = JSON.parse(String(r.indicator)) as {name: string; short_name: string; unit: string; decimals: number; reference_date: string; source: {table: string | null; inkar_code: string | null}};
      entry = {
        id, name: meta.name, short_name: meta.short_name, unit: meta.unit, decimals: meta.decimals, period: "",
        indicator: {reference_date: meta.reference_date, source: {table: meta.source.table, inkar_code: meta.source.inkar_code}},
        source: {attribution: "", licence: ""},
        values: {}
      };
      byId.set(id, entry);
      sources.set(id, new Map());
    }
    const source = JSON.parse(String(r.source)) as {attribution: string; licence: string};
    sources.get(id)!.set(source.attribution, source);
    entry.values[String(r.region)] = {value: Number(r.value), period: String(r.period)};
  }
  for (const entry of byId.values()) {
    entry.period = [...new Set(Object.values(entry.values).map((v) => v.period))].sort().join(" und ");
    const used = [...sources.get(entry.id)!.values()];
    entry.source = {attribution: used.map((s) => s.attribution).join("; "), licence: [...new Set(used.map((s) => s.licence))].join("; ")};
  }
  return [...byId.values()];
}
