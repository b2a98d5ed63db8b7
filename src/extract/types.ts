/**
 * The contract between `extract` and `graph`: what one article yields. Pure data, no ids of
 * the store: entities are identified by `key`s that are stable across documents, and the
 * graph layer turns keys into node ids. Public.
 */

export type PlaceLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | 'COMMUNITY' | 'OTHER';
export type OrganizationKind =
  'PARTY_COMMITTEE' | 'PARTY_BRANCH' | 'GENERAL_BRANCH' | 'WORK_COMMITTEE' | 'GOVERNMENT' | 'OTHER';
export type ProgramKind = 'PROJECT' | 'CAMPAIGN' | 'MECHANISM' | 'PLATFORM' | 'OTHER';

/** Where a fact comes from: the sentence of the clean text that states it, and the rule that read it. */
export interface Evidence {
  /** Offsets of the supporting sentence in the clean text (end exclusive). */
  start: number;
  end: number;
  /** The sentence itself, clean simplified text. */
  quote: string;
  /** The extraction rule that produced the fact, e.g. `program.quoted-suffix`. */
  rule: string;
}

export interface DocumentInfo {
  /** The headline (not the site banner). */
  title: string;
  /** `YYYY-MM-DD`, only when the text states the day; else null. */
  publishedAt: string | null;
  /** The outlet, e.g. 河北日报. */
  source: string | null;
  /** 记者/通讯员/作者 names. */
  authors: string[];
  /** Key of the document's main place (the place the article is about), if any. */
  mainPlaceKey: string | null;
  charCount: number;
}

/**
 * Place key: `code:<GB/T 2260 code>` when the gazetteer knows it, else
 * `name:<parent key>/<name>` (or `name:/<name>` without a parent).
 */
export interface PlaceEntity {
  key: string;
  name: string;
  level: PlaceLevel;
  code: string | null;
  parentKey: string | null;
  evidence: Evidence;
}

/** Organization key: `<place key or ''>|<normalized name>`. */
export interface OrganizationEntity {
  key: string;
  name: string;
  kind: OrganizationKind;
  placeKey: string | null;
  evidence: Evidence;
}

/** Program key: the canonical name, e.g. 领头羊工程. */
export interface ProgramEntity {
  key: string;
  name: string;
  /** Other surface forms seen in this document (quoted, prefixed …), never including `name`. */
  aliases: string[];
  kind: ProgramKind;
  evidence: Evidence;
}

/** Person key: `<name>@<organization or place key of their post, or ''>`. */
export interface PersonEntity {
  key: string;
  name: string;
  evidence: Evidence;
}

/** Metric key: the offset of the number in the clean text, as a string (unique within a document). */
export interface MetricEntity {
  key: string;
  /** The number after unit scaling: 11.2万余名 → 112000. */
  value: number;
  /** The counting unit or measure: 名, 个, 元, %, 平方公里 … */
  unit: string;
  /** The number as written, e.g. 11.2万余名. */
  text: string;
  approximate: boolean;
  /** What is counted, e.g. 党员. */
  subject: string | null;
  year: number | null;
  placeKey: string | null;
  programKey: string | null;
  evidence: Evidence;
}

export type EntityLabel = 'Place' | 'Organization' | 'Program' | 'Person' | 'Metric';

export interface EntityRef {
  label: EntityLabel;
  key: string;
}

/** Relationship types, with the endpoint labels each allows. */
export type RelationType =
  | 'PART_OF' // Place → Place
  | 'LOCATED_IN' // Organization → Place
  | 'IMPLEMENTED_IN' // Program → Place
  | 'RUNS' // Organization → Program
  | 'HOLDS' // Person → Organization | Place, props.title
  | 'MEASURES' // Metric → Program | Place
  | 'RELATED_TO'; // Program → Program, props.weight

export interface Relation {
  type: RelationType;
  from: EntityRef;
  to: EntityRef;
  /** `title` for HOLDS, `weight` for RELATED_TO. */
  props: { title?: string; weight?: number };
  evidence: Evidence;
}

/** An entity mentioned by the document, with the first sentence that mentions it and how often. */
export interface Mention {
  ref: EntityRef;
  count: number;
  evidence: Evidence;
}

/** Everything one article yields. */
export interface DocumentGraph {
  document: DocumentInfo;
  /** The clean text the offsets refer to. */
  text: string;
  places: PlaceEntity[];
  organizations: OrganizationEntity[];
  programs: ProgramEntity[];
  people: PersonEntity[];
  metrics: MetricEntity[];
  relations: Relation[];
  mentions: Mention[];
}
