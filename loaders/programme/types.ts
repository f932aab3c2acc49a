/**
 * The programme records after loading: validated, cross-checked and anonymised. No name,
 * e-mail address or phone number is in here; a participant is an integer assigned in the
 * loader (the order in which people first appear in teilnahmen.csv), not derived from the
 * address, and the mapping is discarded when the loader returns.
 */
import type {Agency, Department, EventType, MunicipalityType, OrganisationType, SheetKey, StageKey} from "./sheets.ts";

export type IsoDate = string;

export interface Municipality {
  id: string;
  name: string;
  type: MunicipalityType;
  /** The key that links it to the statistics: a Kreis (5 digits), a Berlin district (110NN0NN) or a Gemeinde (8 digits). */
  region_key: string;
  /** The profile page /profil/<profile_id>: the Kreis, the district, or for a city within a Kreis its Kreis; null for a Land. */
  profile_id: string | null;
  eligible: boolean;
  reason: string;
  agency: string | null;
  /** The date each stage was reached; null = not (yet) reached. */
  stages: Record<StageKey, IsoDate | null>;
}

export interface ProgrammeEvent {
  id: string;
  type: EventType;
  date: IsoDate;
  /** A municipality id. */
  host: string;
  title: string;
  /** Training module id (Fortbildung only). */
  module: string | null;
  /** Topic group id (Fachgruppentreffen, optionally Exkursion). */
  topic_group: string | null;
  cancelled: boolean;
  /** The Transferagentur that organised it (Berlin, Bremen, Hamburg): not the host's. */
  agency: Agency;
}

export interface Attendance {
  event: string;
  /** Anonymous person number, 1 … n. */
  person: number;
  organisation: OrganisationType;
  /** Municipality id (organisation Kommune only). */
  municipality: string | null;
  department: Department | null;
}

export interface TopicGroup {
  id: string;
  name: string;
}

export interface TrainingModule {
  id: string;
  number: number;
  name: string;
}

/** A published milestone: what the programme said about itself on a date, with its source. */
export interface Milestone {
  date: IsoDate;
  text: string;
  source: string;
}

export interface ProgrammeData {
  /** The export date of each sheet ("Stand der Liste"). */
  stand: Record<SheetKey, IsoDate>;
  /** What every page showing the records must say about them (stand.csv, column hinweis), e.g. "Beispieldaten". */
  note: string | null;
  municipalities: Municipality[];
  events: ProgrammeEvent[];
  attendance: Attendance[];
  topicGroups: TopicGroup[];
  modules: TrainingModule[];
  milestones: Milestone[];
}
