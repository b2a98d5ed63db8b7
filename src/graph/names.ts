/**
 * Name lookups for `program(name)` and `place(name)`: what a person types (领头羊, “领头羊”工程,
 * 廊坊) to the node they mean. Pure ranking over candidates the store fetched. Internal.
 */
import {
  AUTONOMOUS_TAIL,
  currentPlaceName,
  LOOKUP_TYPE_WORDS,
  PLACE_SUFFIXES,
  withoutTypeWord,
} from '../extract/names';
import { simplify } from '../text/script';
import type { PlaceRow, ProgramRow } from './rows';

// Every quote form the articles use: “” 「」 『』 ‘’ "" '' 《》.
const QUOTES = /[“”「」『』‘’"'《》〈〉\s]/g;

/** Strips quotes and spaces: “领头羊”工程 → 领头羊工程. */
export function bareName(name: string): string {
  return name.replace(QUOTES, '');
}

/**
 * The strings a store lookup searches for: as typed, bare, the quoted core, and each of these in
 * simplified script without a generic type word (雙報到 → 双报到, 十户联创活动 → 十户联创).
 */
export function nameQueries(name: string): string[] {
  const typed = name.trim();
  const core = /[“「『‘"'《]([^”」』’"'》]+)[”」』’"'》]/.exec(typed)?.[1];
  const forms = [typed, bareName(typed), ...(core ? [core] : [])].flatMap((q) => {
    const simple = simplify(q);
    // 田阳县 → 田阳区: a place's former name finds the place under today's name.
    const current = currentPlaceName(bareName(simple));
    return [q, simple, withoutTypeWord(bareName(simple)), ...(current === null ? [] : [current])];
  });
  return [...new Set(forms.filter((q) => q.length > 0))];
}

/**
 * Exact name, then exact alias, then the name less a kind suffix (领头羊 → 领头羊工程); else
 * null. Within a rank the program more documents name wins (领头羊工程 in 257 documents over
 * 领头羊行动 in one), then the shorter name.
 */
export function bestProgramMatch<P extends ProgramRow & { documents: number }>(
  name: string,
  candidates: P[],
): ProgramRow | null {
  const q = bareName(simplify(name));
  if (q.length === 0) return null;
  const core = withoutTypeWord(q);
  const byRank = (rank: (p: P) => boolean): ProgramRow | undefined => {
    const best = candidates
      .filter(rank)
      .sort(
        (a, b) => b.documents - a.documents || a.name.length - b.name.length || a.id.localeCompare(b.id),
      )[0];
    if (!best) return undefined;
    const { documents: _documents, ...row } = best;
    return row;
  };
  return (
    byRank((p) => bareName(p.name) === q) ??
    byRank((p) => p.aliases.some((a) => bareName(a) === q)) ??
    byRank((p) => [p.name, ...p.aliases].some((n) => LOOKUP_TYPE_WORDS.some((s) => bareName(n) === q + s))) ??
    byRank((p) => core !== q && [p.name, ...p.aliases].some((n) => bareName(n) === core)) ??
    null
  );
}

const LEVEL_RANK = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'COMMUNITY', 'VILLAGE', 'OTHER'];

/**
 * The names bestPlaceMatch takes before its last resort (an autonomous area's full name): the
 * query, the query with a suffix, the place's name today. Found by the name index, they spare
 * the prefix scan when one of them is a place.
 */
export function exactPlaceNames(name: string): string[] {
  const q = bareName(simplify(name));
  if (q.length === 0) return [];
  const current = currentPlaceName(q);
  return [...new Set([q, ...PLACE_SUFFIXES.map((s) => q + s), ...(current === null ? [] : [current])])];
}

/**
 * Exact name, else a name that is the query plus an administrative suffix (廊坊 → 廊坊市), else the
 * place's name today for a former name (田阳县 → 田阳区); higher level first.
 */
export function bestPlaceMatch(name: string, candidates: PlaceRow[]): PlaceRow | null {
  const q = bareName(simplify(name));
  if (q.length === 0) return null;
  const rank = (p: PlaceRow) => LEVEL_RANK.indexOf(p.level);
  const pick = (ok: (p: PlaceRow) => boolean) =>
    candidates.filter(ok).sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id))[0];
  return (
    pick((p) => p.name === q) ??
    pick((p) => PLACE_SUFFIXES.some((s) => p.name === q + s)) ??
    pick((p) => p.name === currentPlaceName(q)) ??
    pick((p) => p.name.startsWith(q) && AUTONOMOUS_TAIL.test(p.name.slice(q.length))) ??
    null
  );
}
