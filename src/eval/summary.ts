/**
 * Adds per-document scores into one table and prints it. Pure. Public within `eval`.
 */
import type { DocumentScore, Miss, Share, Tally } from './score';

export interface Rate {
  value: number | null;
  right: number;
  total: number;
}

/** The figures `kg eval` prints and the thresholds test reads. */
export interface EvalSummary {
  documents: number;
  programs: { recall: Rate; precision: Rate };
  slogansTaken: Rate;
  places: { recall: Rate; precision: Rate };
  people: { recall: Rate; precision: Rate; postRight: Rate };
  organizations: { recall: Rate; precision: Rate; kindRight: Rate };
  metrics: { recall: Rate; precision: Rate; subjectRight: Rate; yearRight: Rate };
  links: { recall: Rate; precision: Rate; endToEnd: Rate };
  dates: Rate;
  misses: Miss[];
}

function rate(right: number, total: number): Rate {
  return { value: total === 0 ? null : right / total, right, total };
}

function sumTally(scores: DocumentScore[], pick: (s: DocumentScore) => Tally): Tally {
  const t: Tally = { expected: 0, found: 0, listed: 0, right: 0 };
  for (const s of scores) {
    const x = pick(s);
    t.expected += x.expected;
    t.found += x.found;
    t.listed += x.listed;
    t.right += x.right;
  }
  return t;
}

function sumShare(scores: DocumentScore[], pick: (s: DocumentScore) => Share): Rate {
  let right = 0;
  let total = 0;
  for (const s of scores) {
    right += pick(s).right;
    total += pick(s).total;
  }
  return rate(right, total);
}

function rp(t: Tally): { recall: Rate; precision: Rate } {
  return { recall: rate(t.found, t.expected), precision: rate(t.right, t.listed) };
}

/** Sums document scores. */
export function summarize(scores: DocumentScore[]): EvalSummary {
  const links = sumTally(scores, (s) => s.links);
  return {
    documents: scores.length,
    programs: rp(sumTally(scores, (s) => s.programs)),
    slogansTaken: sumShare(scores, (s) => s.slogans),
    places: rp(sumTally(scores, (s) => s.places)),
    people: { ...rp(sumTally(scores, (s) => s.people)), postRight: sumShare(scores, (s) => s.posts) },
    organizations: {
      ...rp(sumTally(scores, (s) => s.organizations)),
      kindRight: sumShare(scores, (s) => s.orgKinds),
    },
    metrics: {
      ...rp(sumTally(scores, (s) => s.metrics)),
      subjectRight: sumShare(scores, (s) => s.metricSubjects),
      yearRight: sumShare(scores, (s) => s.metricYears),
    },
    links: {
      ...rp(links),
      endToEnd: rate(
        links.found,
        scores.reduce((n, s) => n + s.linksAll, 0),
      ),
    },
    dates: sumShare(scores, (s) => s.dates),
    misses: scores.flatMap((s) => s.misses),
  };
}

function fmt(r: Rate): string {
  const v = r.value === null ? '  -  ' : r.value.toFixed(3);
  return `${v} (${r.right}/${r.total})`.padEnd(18);
}

/** The table and the misses, one per line, as `kg eval` prints them. */
export function formatSummary(s: EvalSummary, withMisses = true): string {
  const rows: Array<[string, Rate, string, Rate | null, string?, Rate?]> = [
    ['programs', s.programs.recall, 'precision', s.programs.precision, 'slogans taken', s.slogansTaken],
    ['places', s.places.recall, 'precision', s.places.precision],
    ['people', s.people.recall, 'precision', s.people.precision, 'post right', s.people.postRight],
    [
      'organizations',
      s.organizations.recall,
      'precision',
      s.organizations.precision,
      'kind right',
      s.organizations.kindRight,
    ],
    ['metrics', s.metrics.recall, 'precision', s.metrics.precision, 'subject right', s.metrics.subjectRight],
    ['metric years', s.metrics.yearRight, '', null],
    ['links', s.links.recall, 'precision', s.links.precision, 'end to end', s.links.endToEnd],
    ['dates', s.dates, '', null],
  ];
  const lines = [`${s.documents} documents`, `${'type'.padEnd(14)}${'recall'.padEnd(18)}`];
  for (const [name, recall, pLabel, p, xLabel, x] of rows) {
    let line = `${name.padEnd(14)}${fmt(recall)}`;
    if (p !== null) line += `${pLabel} ${fmt(p)}`;
    if (xLabel !== undefined && x !== undefined) line += `${xLabel} ${fmt(x)}`;
    lines.push(line.trimEnd());
  }
  if (withMisses && s.misses.length > 0) {
    lines.push('', 'misses (document, type, what, expected → got):');
    for (const m of s.misses)
      lines.push(`${m.doc}\t${m.type}\t${m.kind}\t${m.expected ?? '-'} → ${m.got ?? '-'}`);
  }
  return lines.join('\n');
}
