/**
 * Finder: party-building practices defined nationally (by the Party's central rules and
 * campaigns), named without quotes or type words because every reader knows them. A closed class —
 * the practices a 党章/条例 or a central campaign names — not phrases of any article. Internal to
 * `extract`.
 */
import type { ProgramKind } from './types';

/** Canonical name → kind, with the forms an article writes. */
interface NationalPractice {
  name: string;
  kind: ProgramKind;
  /** Other written forms (the name itself is always searched). */
  forms?: string[];
}

// prettier-ignore
const PRACTICES: readonly NationalPractice[] = [
  // 支部严格落实三会一课 — 支部党员大会、支部委员会、党小组会 and 党课 (党章, 条例)
  { name: '三会一课', kind: 'MECHANISM' },
  // 每月开展一次主题党日 (支部工作条例)
  { name: '主题党日', kind: 'CAMPAIGN' },
  // 推进两学一做学习教育常态化制度化 (2016 campaign)
  { name: '两学一做', kind: 'CAMPAIGN' },
  // 召开专题组织生活会 / 领导班子民主生活会 (党内政治生活准则)
  { name: '组织生活会', kind: 'MECHANISM' },
  { name: '民主生活会', kind: 'MECHANISM' },
  // 村级事务落实四议两公开
  { name: '四议两公开', kind: 'MECHANISM' },
  // 凡属三重一大事项集体决策
  { name: '三重一大', kind: 'MECHANISM' },
  // 坚持和发展新时代枫桥经验
  { name: '枫桥经验', kind: 'MECHANISM' },
  // 在职党员到社区双报到
  { name: '双报到', kind: 'MECHANISM' },
  // 全面推行河长制、林长制
  { name: '河长制', kind: 'MECHANISM' },
  { name: '林长制', kind: 'MECHANISM' },
  // 深化接诉即办改革; 街乡吹哨、部门报到
  { name: '接诉即办', kind: 'MECHANISM' },
  { name: '吹哨报到', kind: 'MECHANISM', forms: ['街乡吹哨、部门报到'] },
  // 义务教育控辍保学
  { name: '控辍保学', kind: 'CAMPAIGN' },
  // 深入开展主题教育 (学习贯彻…主题教育); 党史学习教育 is read by the topic rule
  { name: '主题教育', kind: 'CAMPAIGN' },
  // 落实四下基层制度
  { name: '四下基层', kind: 'MECHANISM' },
  // 扎实开展三严三实专题教育 (2015 campaign for leading cadres)
  { name: '三严三实', kind: 'CAMPAIGN' },
  // 坚持和发展浦江经验 (领导干部下访接访, promoted with 枫桥经验)
  { name: '浦江经验', kind: 'MECHANISM' },
  // 健全自治、法治、德治相结合的三治融合 (乡村治理体系)
  { name: '三治融合', kind: 'MECHANISM' },
  // 落实党务、村务、财务三务公开
  { name: '三务公开', kind: 'MECHANISM' },
  // 村党组织书记一肩挑 is an arrangement of posts, and 第一书记 a post: neither is listed.
];

export interface NationalHit {
  name: string;
  kind: ProgramKind;
  start: number;
  end: number;
}

/** Every place a national practice is named, left to right; longer forms win where they overlap. */
export function findNationalPractices(text: string): NationalHit[] {
  const hits: NationalHit[] = [];
  const taken = new Uint8Array(text.length + 1);
  const forms = PRACTICES.flatMap((p) => [p.name, ...(p.forms ?? [])].map((f) => ({ p, f }))).sort(
    (a, b) => b.f.length - a.f.length,
  );
  for (const { p, f } of forms) {
    for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + f.length)) {
      const end = at + f.length;
      if (taken[at] === 1 || taken[end - 1] === 1) continue;
      taken.fill(1, at, end);
      hits.push({ name: p.name, kind: p.kind, start: at, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}
