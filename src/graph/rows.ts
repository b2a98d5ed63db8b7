/**
 * The shapes the store hands up: one row type per node label, plain values only. The
 * GraphQL layer maps its types onto these (codegen mappers). Public.
 */
import type { OrganizationKind, PlaceLevel, ProgramKind } from '../extract/types';
import type { DocumentFormat } from '../text/formats/types';

export interface DocumentRow {
  id: string;
  title: string;
  file: string | null;
  /** What it was imported from; documents stored before formats existed were plain text. */
  format: DocumentFormat;
  /** The address of a fetched page; null for a file. */
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  authors: string[];
  charCount: number;
}

export interface PlaceRow {
  id: string;
  name: string;
  level: PlaceLevel;
  code: string | null;
}

export interface OrganizationRow {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface ProgramRow {
  id: string;
  name: string;
  aliases: string[];
  kind: ProgramKind;
}

export interface PersonRow {
  id: string;
  name: string;
}

export interface MetricRow {
  id: string;
  value: number;
  unit: string;
  text: string;
  approximate: boolean;
  subject: string | null;
  year: number | null;
  doc: string;
  start: number;
  end: number;
}

/**
 * Evidence of a fact: the document and the sentence (clean-text offsets) stating it. The
 * sentence itself is read from the document's text when asked for (`GraphStore.quotes`):
 * storing it on every relationship made it five times the size of the texts.
 */
export interface MentionRow {
  doc: string;
  start: number;
  end: number;
}

/** One page of a connection, with the keys the cursors encode. */
export interface Page<T> {
  items: T[];
  /** Cursor of each item, same order. */
  cursors: string[];
  hasNextPage: boolean;
  /** Counted only when called: a page alone does not pay for the count. */
  totalCount(): Promise<number>;
}

export interface GraphStats {
  documents: number;
  places: number;
  organizations: number;
  programs: number;
  people: number;
  metrics: number;
  relationships: number;
}

/** Counts per label and per relationship type, for `kg stats` and /healthz. */
export interface DetailedStats {
  labels: Record<string, number>;
  relationships: Record<string, number>;
  /** Documents per format (`TXT`, `HTML`, `DOCX`, `PDF`, `MARKDOWN`), only formats present. */
  formats: Record<string, number>;
}

/** A post a person holds: the HOLDS relationship and its evidence. */
export interface PositionRow extends MentionRow {
  title: string;
  organizationId: string | null;
  placeId: string | null;
  /** The organization and place, when read with the position (absent: read them by id). */
  organization?: OrganizationRow | null;
  place?: PlaceRow | null;
}

/** A program related to another, aggregated over the documents that relate them. */
export interface RelatedProgramRow {
  /** The program whose `related` field this row answers. */
  sourceId: string;
  /** The related program, read in the same query (no second round trip for its fields). */
  program: ProgramRow;
  weight: number;
}

export type EntityKindName = 'DOCUMENT' | 'PLACE' | 'ORGANIZATION' | 'PROGRAM' | 'PERSON' | 'METRIC';

export interface SearchHitRow {
  kind: EntityKindName;
  score: number;
  id: string;
}

export type DocumentPage = Page<DocumentRow>;
export type PlacePage = Page<PlaceRow>;
export type OrganizationPage = Page<OrganizationRow>;
export type ProgramPage = Page<ProgramRow>;
export type PersonPage = Page<PersonRow>;
export type MetricPage = Page<MetricRow>;

/** A place a program is implemented in, with the documents saying so and their dates. */
export interface ProgramPlaceRow {
  place: PlaceRow;
  /** `YYYY-MM-DD` of the earliest / latest of those documents stating a day; null when none does. */
  firstReported: string | null;
  lastReported: string | null;
  documentIds: string[];
}

/** One point of a metric series: a year or a place, and what its metrics add up to. */
export interface MetricPointRow {
  key: string;
  year: number | null;
  placeId: string | null;
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Ids of the point's first metrics (by document and offset). */
  metricIds: string[];
}

/** A program in a comparison of places, with the documents saying it runs there. */
export interface ComparedProgramRow {
  programId: string;
  documentIds: string[];
}

/** What places share and what only each has (Query.comparePlaces). */
export interface PlaceComparisonRow {
  placeIds: string[];
  shared: ComparedProgramRow[];
  only: PlaceProgramsRow[];
}

/** The programs of one place of a comparison that none of the others has. */
export interface PlaceProgramsRow {
  placeId: string;
  programs: ComparedProgramRow[];
}

/** A weighted pair of related programs (Query.programNetwork). */
export interface ProgramLinkRow {
  sourceId: string;
  targetId: string;
  weight: number;
  documentIds: string[];
}

/** The drawable network of related programs. */
export interface ProgramNetworkRow {
  programIds: string[];
  links: ProgramLinkRow[];
}
