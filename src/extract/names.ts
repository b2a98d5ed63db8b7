/**
 * Names as researchers write them and as the extractor reads them, in one place: the type words
 * that end program names, the suffixes of place names, and the former names of places. Serves
 * `extract` (reading articles) and `graph` (matching what a user types to a node).
 */
import { gazetteer } from './gazetteer';
import type { ProgramKind } from './types';

export interface ProgramTypeWord {
  word: string;
  kind: ProgramKind;
  /** True when the suffix is part of the name (领头羊工程); false for a generic type word (活动, 机制). */
  keep: boolean;
  /** Only after a quote: “最多跑一次”改革, “雏鹰”计划, “枫桥经验” — unquoted these are everyday words. */
  quotedOnly?: boolean;
  /** Name characters an unquoted name needs before the suffix (default 4): 推行河长制 needs one. */
  minBody?: number;
  /** Characters that may not follow the suffix (经济增长制约 is no 长制). */
  notBefore?: string;
  /** A word a user may add or leave out when typing the name (十户联创活动 for 十户联创). */
  lookup?: boolean;
}

// Longest first, so 工作法 wins over 法-less matches and 治理架构 over nothing.
export const PROGRAM_TYPE_WORDS: readonly ProgramTypeWord[] = [
  { word: '积分制管理', kind: 'MECHANISM', keep: true, minBody: 0 },
  { word: '百日攻坚', kind: 'CAMPAIGN', keep: false },
  { word: '治理架构', kind: 'MECHANISM', keep: false },
  { word: '学习教育', kind: 'CAMPAIGN', keep: true, quotedOnly: true },
  { word: '主题教育', kind: 'CAMPAIGN', keep: true, quotedOnly: true },
  { word: '会客厅', kind: 'PLATFORM', keep: true, lookup: true },
  { word: '工作法', kind: 'MECHANISM', keep: true, lookup: true },
  { word: '积分制', kind: 'MECHANISM', keep: true, minBody: 0 },
  { word: '坐班制', kind: 'MECHANISM', keep: true, minBody: 2 },
  { word: '工程', kind: 'PROJECT', keep: true, lookup: true },
  { word: '行动', kind: 'CAMPAIGN', keep: true, lookup: true },
  { word: '活动', kind: 'CAMPAIGN', keep: false, lookup: true },
  { word: '机制', kind: 'MECHANISM', keep: false, lookup: true },
  { word: '制度', kind: 'MECHANISM', keep: false, lookup: true },
  { word: '清单', kind: 'MECHANISM', keep: true, lookup: true },
  { word: '模式', kind: 'MECHANISM', keep: false, lookup: true },
  { word: '平台', kind: 'PLATFORM', keep: true, lookup: true },
  { word: '驿站', kind: 'PLATFORM', keep: true, lookup: true },
  { word: '长制', kind: 'MECHANISM', keep: true, minBody: 1, notBefore: '度约定订作造' },
  { word: '改革', kind: 'MECHANISM', keep: false, quotedOnly: true },
  { word: '计划', kind: 'PROJECT', keep: true, quotedOnly: true, lookup: true },
  { word: '经验', kind: 'MECHANISM', keep: true, quotedOnly: true },
  // “五型”模范机关建设, “对标争先”建设计划 (计划 wins: longer matches are tried at each gap first)
  { word: '建设', kind: 'PROJECT', keep: false, quotedOnly: true, notBefore: '年' },
];

/**
 * Type words a user may type after a program's canonical name (十户联创活动 for 十户联创): the
 * extractor's type words and two more a lookup accepts (项目, 实践活动), longest first.
 */
export const LOOKUP_TYPE_WORDS: readonly string[] = [
  ...PROGRAM_TYPE_WORDS.filter((w) => w.lookup === true).map((w) => w.word),
  '实践活动',
  '项目',
].sort((a, b) => b.length - a.length);

/** 十户联创活动 → 十户联创: the name without one type word at its end (kept when nothing else is left). */
export function withoutTypeWord(name: string): string {
  const word = LOOKUP_TYPE_WORDS.find((w) => name.endsWith(w) && name.length > w.length + 1);
  return word === undefined ? name : name.slice(0, -word.length);
}

/** Administrative suffixes a place name may be typed without (廊坊 for 廊坊市), longest first. */
export const PLACE_SUFFIXES: readonly string[] = [
  '自治区',
  '自治州',
  '地区',
  '新区',
  '街道',
  '社区',
  '省',
  '市',
  '区',
  '县',
  '镇',
  '乡',
  '村',
  '盟',
  '旗',
];

// 恩施 → 恩施土家族苗族自治州, 互助 → 互助土族自治县: the peoples' names between a short form and 自治….
export const AUTONOMOUS_TAIL = /^(?:[\u4e00-\u9fa5]{1,4}?族)+自治(?:州|县|区|旗)$/;

/**
 * The name a place has today for a name it had in an earlier revision of GB/T 2260
 * (田阳县 → 田阳区, 襄樊市 → 襄阳市), or null when the name is no former name of one division.
 */
export function currentPlaceName(name: string): string | null {
  return gazetteer().currentOf(name)?.name ?? null;
}
