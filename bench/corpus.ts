/**
 * The benchmark corpus: N realistic articles made from the bundled five by swapping places
 * (for other real Hebei/Fujian divisions, keeping city ⊃ county ⊃ town consistent), program
 * names (among a pool with a few very common and a long tail of rare names, so entity
 * resolution has work and the graph grows with N), people, villages, numbers and dates.
 * Deterministic: article i depends only on (seed, i), so the 100-article corpus is the first
 * 100 articles of the 10,000 one. A few articles are saved as GB18030, UTF-16 or with a BOM,
 * as real corpora arrive.
 *
 * Public within bench: `loadTemplates`, `makeArticle`, `writeCorpus`. Standalone:
 * `npx tsx bench/corpus.ts <count> <dir> [seed]`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { createRng, seedOf, shuffled, type Rng } from './prng';
import {
  COMMUNITY_HEADS,
  COMMUNITY_TAILS,
  GIVEN_CHARS,
  PROGRAM_CORES,
  PROVINCES,
  SURNAMES,
  VILLAGE_HEADS,
  VILLAGE_TAILS,
  gazetteer,
  programPool,
  traditional,
  type Division,
} from './vocab';

/** Bumped whenever the output for a given (seed, i) changes, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 3;

/** One bundled article and the names in it the generator swaps. */
export interface Template {
  file: string;
  text: string;
  /** Divisions named in the text, with the spellings found (full or short, either script). */
  places: Array<{ division: Division; spellings: Array<{ text: string; short: boolean }> }>;
  /** Village and community names (东张务村, 吉兴社区), found right after a division's name. */
  villages: string[];
  /** Quoted program names: the core inside the quotes and the suffix inside them, if any. */
  programs: Array<{ quoted: string; core: string; innerSuffix: string }>;
  /** People named after a title (书记杨晓和介绍, 记者 赵永辉). */
  people: string[];
}

export type Encoding = 'utf8' | 'utf8-bom' | 'gb18030' | 'utf16le-bom';

export interface Article {
  index: number;
  template: string;
  text: string;
  encoding: Encoding;
  /** Program cores this article uses (after substitution), for the corpus summary. */
  programs: string[];
  /** The main city it is about now. */
  city: string;
}

const PROGRAM_SUFFIXES = [
  '工程',
  '行动',
  '活动',
  '机制',
  '制度',
  '模式',
  '平台',
  '工作法',
  '品牌',
  '计划',
  '体系',
  '清单',
];
const ALL_SUFFIXES = [...new Set([...PROGRAM_SUFFIXES, ...PROGRAM_SUFFIXES.map(traditional)])].sort(
  (a, b) => b.length - a.length,
);
const KNOWN_PROGRAMS = new Set([...PROGRAM_CORES, ...PROGRAM_CORES.map(traditional)]);

/** How often an article keeps a program name of its template instead of drawing a new one. */
const KEEP_PROGRAM = 0.35;
/** How often the main city stays the template's own (so 廊坊 stays well covered). */
const KEEP_CITY = 0.1;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every key of `map` in one left-to-right pass, longest key first (nothing is replaced twice). */
function replaceAll(text: string, map: ReadonlyMap<string, string>): string {
  if (map.size === 0) return text;
  const keys = [...map.keys()].filter((k) => k.length > 0).sort((a, b) => b.length - a.length);
  const re = new RegExp(keys.map(escapeRe).join('|'), 'g');
  return text.replace(re, (m) => map.get(m) ?? m);
}

function findPlaces(text: string): Template['places'] {
  const g = gazetteer();
  const found = new Map<string, Template['places'][number]>();
  const taken = new Uint8Array(text.length);
  // Longest first, and a position taken by a longer name is not searched again (廊坊市 before 廊坊).
  const claim = (spellings: Array<{ text: string; short: boolean; division: Division }>) => {
    spellings.sort((a, b) => b.text.length - a.text.length);
    for (const s of spellings) {
      for (let at = text.indexOf(s.text); at >= 0; at = text.indexOf(s.text, at + s.text.length)) {
        if (taken.subarray(at, at + s.text.length).some((x) => x === 1)) continue;
        taken.fill(1, at, at + s.text.length);
        let entry = found.get(s.division.code);
        if (!entry) found.set(s.division.code, (entry = { division: s.division, spellings: [] }));
        if (!entry.spellings.some((x) => x.text === s.text))
          entry.spellings.push({ text: s.text, short: s.short });
      }
    }
  };
  const spell = (d: Division, name: string, short: boolean) =>
    [...new Set([name, traditional(name)])].map((t) => ({ text: t, short, division: d }));
  claim(g.all.flatMap((d) => spell(d, d.name, false)));
  // Short forms only of divisions named in full somewhere (三明 alone could be anything), and of
  // provinces (河北 is how articles name the province).
  claim(
    g.all
      .filter((d) => d.short && (found.has(d.code) || d.level === 'PROVINCE'))
      .flatMap((d) => spell(d, d.short as string, true)),
  );
  // A town counts only when its county is named too: 全市每万城镇 is not 万城镇.
  return [...found.values()].filter(
    (e) =>
      e.division.level !== 'TOWN' || (e.division.parentCode !== null && found.has(e.division.parentCode)),
  );
}

// 落垡镇东张务村, 广阳区吉兴社区, 西柏坡镇北庄村: a named settlement right after a division.
const VILLAGE_AFTER = /(?:镇|乡|区|县|市|鎮|鄉|區|縣|委员会|委員會)([\u4e00-\u9fff]{2,4}?)(村|社区|社區)/g;
const NOT_IN_VILLAGE =
  /[的了在和与及把将被对向从到为是有等之也都就又再更最很所而并且或其这那该本每各全我他她你们着过于以个名农乡城]/;

function findVillages(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(VILLAGE_AFTER)) {
    const head = m[1] as string;
    if (!NOT_IN_VILLAGE.test(head)) out.add(head + (m[2] as string));
  }
  return [...out];
}

const QUOTED = /“([^“”\n]{2,12})”/g;

function findPrograms(text: string): Template['programs'] {
  const out = new Map<string, Template['programs'][number]>();
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[1] as string;
    // Slogans and pinyin-annotated spans are not names: 群众说事、干部解题, 三代三公三優(yōu)化.
    if (/[、，,。！？!?（）()：:;；\s·—]/.test(inner)) continue;
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3);
    const inner_suffix = ALL_SUFFIXES.find((s) => inner.endsWith(s) && inner.length > s.length + 1);
    const outer_suffix = ALL_SUFFIXES.find((s) => after.startsWith(s));
    if (!inner_suffix && !outer_suffix && !KNOWN_PROGRAMS.has(inner)) continue;
    const core = inner_suffix ? inner.slice(0, -inner_suffix.length) : inner;
    if (!out.has(m[0])) out.set(m[0], { quoted: m[0], core, innerSuffix: inner_suffix ?? '' });
  }
  return [...out.values()];
}

// 书记杨晓和介绍, 记者 赵永辉摄, 通讯员 周禹佳）: a title, a two- or three-character name, then a verb or a break.
const PERSON_AFTER_TITLE =
  /(?:书记|主任|记者|通讯员|網格員|网格员|書記|記者|通訊員)[\s\u00a0\u3000]?([\u4e00-\u9fff]{2,3}?)(?=介绍|介紹|说|說|表示|高度|告诉|指出|接到|带领|帶領|摄|攝|[\s\u00a0\u3000，,。、）)]|$)/g;
// What follows a title without being a name: 书记在…, 书记重要讲话, 书记关于…
const NOT_A_SURNAME =
  /^[在和与对关重等亲来带逐分直实综后政纳述抓近全各该本每这那其我他她你为是从到把将被以及第一二三四五六七八九十]/;
const NOT_IN_NAME = /[的了是有着过们之]/;

function findPeople(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PERSON_AFTER_TITLE)) {
    const name = m[1] as string;
    if (!NOT_A_SURNAME.test(name) && !NOT_IN_NAME.test(name)) out.add(name);
  }
  return [...out];
}

/** Reads the bundled articles (UTF-8) and finds what each one names. */
export function loadTemplates(dir: string): Template[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (files.length === 0)
    throw new Error(`no .txt articles in ${dir}; the corpus generator needs the bundled import/ folder`);
  return files.map((file) => {
    const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
    return {
      file,
      text,
      places: findPlaces(text),
      villages: findVillages(text),
      programs: findPrograms(text),
      people: findPeople(text),
    };
  });
}

function personName(rng: Rng): string {
  const surname = SURNAMES[rng.zipfIndex(SURNAMES.length)] as string;
  const given = rng.chance(0.75) ? rng.pick(GIVEN_CHARS) + rng.pick(GIVEN_CHARS) : rng.pick(GIVEN_CHARS);
  return surname + given;
}

function villageName(original: string, rng: Rng): string {
  if (/社[区區]$/.test(original)) return rng.pick(COMMUNITY_HEADS) + rng.pick(COMMUNITY_TAILS) + '社区';
  const tail = rng.pick(VILLAGE_TAILS);
  return (
    rng.pick(VILLAGE_HEADS) +
    (tail.length === 1 && rng.chance(0.5) ? rng.pick(VILLAGE_HEADS) : '') +
    tail +
    '村'
  );
}

/** Scales a count or amount by 0.6–1.6, keeping its decimals; percentages stay ≤ 100. */
function scaleNumber(raw: string, unit: string, rng: Rng): string {
  const value = Number(raw);
  const decimals = raw.includes('.') ? (raw.split('.')[1] as string).length : 0;
  if (unit === '%' && value >= 100) return raw; // “三个100%” is a name, not a measurement
  let scaled = value * rng.range(0.6, 1.6);
  if (unit === '%') scaled = Math.min(scaled, 99.9);
  if (decimals === 0) return String(Math.max(1, Math.round(scaled)));
  return scaled.toFixed(decimals);
}

// 3199名, 21.78万个, 87.6%, 1998.03万元, 6429平方公里 — not years, dates, versions or 第19版.
const NUMBER_WITH_UNIT =
  /(?<![\d.第])(\d+(?:\.\d+)?)(?=(?:万|亿|萬|億)?(?:余|多|餘)?(名|个|個|人|户|戶|家|元|项|項|次|%|所|处|處|条|條|件|支|座|场|場|批|位|平方公里|公里|亩|畝))/g;

function shiftDates(text: string, rng: Rng): string {
  const day = new Date(Date.UTC(2019, 0, 1) + rng.int(6 * 365) * 86_400_000);
  const y = String(day.getUTCFullYear());
  const mo = String(day.getUTCMonth() + 1).padStart(2, '0');
  const d = String(day.getUTCDate()).padStart(2, '0');
  return text
    .replace(/20\d\d-\d\d-\d\d/g, `${y}-${mo}-${d}`)
    .replace(/20\d\d年\d\d月\d\d日/g, `${y}年${mo}月${d}日`);
}

/** Picks `n` distinct items (or as many as there are), in random order. */
function distinct<T>(items: readonly T[], n: number, rng: Rng): T[] {
  return shuffled(items, rng).slice(0, n);
}

/** The replacement divisions for one article: cities within one target province, counties within their city, towns within their county. */
function mapPlaces(t: Template, rng: Rng): Map<string, Division> {
  const g = gazetteer();
  const kids = (code: string | null, level: Division['level']) =>
    (code ? (g.children.get(code) ?? []) : []).filter((d) => d.level === level);
  const out = new Map<string, Division>();
  const sourceProvince = t.places.find((p) => p.division.level === 'PROVINCE')?.division;
  const sourceCities = t.places.filter((p) => p.division.level === 'CITY').map((p) => p.division);
  const keep = rng.chance(KEEP_CITY);
  const province = keep
    ? (g.byCode.get(sourceCities[0]?.provinceCode ?? sourceProvince?.code ?? '130000') as Division)
    : (g.byCode.get(`${rng.pick(PROVINCES).code}0000`) as Division);
  for (const p of t.places.filter((x) => x.division.level === 'PROVINCE')) out.set(p.division.code, province);
  const cityChoices = distinct(kids(province.code, 'CITY'), sourceCities.length, rng);
  sourceCities.forEach((c, i) =>
    out.set(c.code, keep ? c : (cityChoices[i] ?? rng.pick(kids(province.code, 'CITY')))),
  );
  const anyCity = () => rng.pick(kids(province.code, 'CITY'));
  const counties = t.places.filter((p) => p.division.level === 'COUNTY').map((p) => p.division);
  const usedCounties = new Set<string>();
  for (const k of counties) {
    const city = out.get(k.parentCode ?? '') ?? anyCity();
    // Like for like: a county-level city (定州市) becomes another one, a 县 another 县.
    const free = kids(city.code, 'COUNTY').filter((d) => !usedCounties.has(d.code));
    const alike = free.filter((d) => d.name.slice(-1) === k.name.slice(-1));
    const options = alike.length > 0 ? alike : free;
    const target =
      keep && out.get(k.parentCode ?? '') === g.byCode.get(k.parentCode ?? '')
        ? k
        : options.length > 0
          ? rng.pick(options)
          : k;
    usedCounties.add(target.code);
    out.set(k.code, target);
  }
  for (const p of t.places.filter((x) => x.division.level === 'TOWN')) {
    const county = out.get(p.division.parentCode ?? '');
    const options = county ? kids(county.code, 'TOWN') : [];
    out.set(p.division.code, options.length > 0 ? rng.pick(options) : p.division);
  }
  return out;
}

/** Article `index` of the corpus with this seed: a pure function of (templates, pool, seed, index). */
export function makeArticle(
  templates: readonly Template[],
  pool: readonly string[],
  seed: number,
  index: number,
): Article {
  const rng = createRng(seedOf(seed, index));
  const t = templates[index % templates.length] as Template;
  const names = new Map<string, string>();

  const placeMap = mapPlaces(t, rng);
  for (const p of t.places) {
    const target = placeMap.get(p.division.code) ?? p.division;
    for (const s of p.spellings) names.set(s.text, s.short ? (target.short ?? target.name) : target.name);
  }
  for (const v of t.villages) names.set(v, villageName(v, rng));
  for (const person of t.people) names.set(person, personName(rng));

  const used = new Set<string>();
  const programs: string[] = [];
  for (const p of t.programs) {
    let core = p.core;
    if (!rng.chance(KEEP_PROGRAM)) {
      for (let tries = 0; tries < 8; tries += 1) {
        core = pool[rng.zipfIndex(pool.length)] as string;
        if (!used.has(core)) break;
      }
    }
    used.add(core);
    programs.push(core);
    names.set(p.quoted, `“${core}${p.innerSuffix}”`);
    // The same program named without quotes elsewhere in the article (领头羊工程) follows along.
    if (p.core.length >= 3 && core !== p.core) {
      for (const s of PROGRAM_SUFFIXES) if (t.text.includes(p.core + s)) names.set(p.core + s, core + s);
    }
  }

  let text = replaceAll(t.text, names);
  text = text.replace(NUMBER_WITH_UNIT, (raw, _n: string, unit: string) => scaleNumber(raw, unit, rng));
  text = shiftDates(text, rng);

  const roll = rng.next();
  const encoding: Encoding =
    roll < 0.9 ? 'utf8' : roll < 0.94 ? 'gb18030' : roll < 0.97 ? 'utf8-bom' : 'utf16le-bom';
  const mainCity = (
    t.places.find((p) => p.division.level === 'CITY') ?? t.places.find((p) => p.division.level === 'COUNTY')
  )?.division;
  const city = mainCity ? (placeMap.get(mainCity.code) ?? mainCity).name : '';
  return { index, template: t.file, text, encoding, programs, city };
}

/** The bytes of an article as it is saved. */
export function encodeArticle(a: Pick<Article, 'text' | 'encoding'>): Buffer {
  switch (a.encoding) {
    case 'utf8':
      return Buffer.from(a.text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(a.text, 'utf8')]);
    case 'gb18030':
      return iconv.encode(a.text, 'gb18030');
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(a.text, 'utf16le')]);
    default: {
      const never: never = a.encoding;
      throw new Error(`unknown encoding ${String(never)}`);
    }
  }
}

/** The program pool for a seed: the genre's known names first (most common), then the rest shuffled. */
export function programPoolFor(seed: number): string[] {
  const known = new Set(PROGRAM_CORES);
  return [
    ...PROGRAM_CORES,
    ...shuffled(
      programPool().filter((p) => !known.has(p)),
      createRng(seedOf(seed, 'pool')),
    ),
  ];
}

export interface CorpusSummary {
  dir: string;
  count: number;
  seed: number;
  bytes: number;
  encodings: Record<Encoding, number>;
  /** Distinct program names written (what the graph's Program count should approach). */
  distinctPrograms: number;
  distinctCities: number;
  generatorVersion: number;
  /** True when an existing corpus with the same manifest was reused. */
  reused: boolean;
}

// Hidden, so `kg import <dir>` skips it.
const MANIFEST = '.manifest.json';

/**
 * Writes articles 0…count-1 into `dir` (emptied first) as `NNNNN_<sha1-16>.txt`, with a
 * manifest; a directory whose manifest matches (count, seed, generator version) is reused.
 */
export function writeCorpus(templatesDir: string, dir: string, count: number, seed: number): CorpusSummary {
  const manifestFile = path.join(dir, MANIFEST);
  if (fs.existsSync(manifestFile)) {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as CorpusSummary;
    if (m.count === count && m.seed === seed && m.generatorVersion === GENERATOR_VERSION)
      return { ...m, reused: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const templates = loadTemplates(templatesDir);
  const pool = programPoolFor(seed);
  const encodings: Record<Encoding, number> = { utf8: 0, 'utf8-bom': 0, gb18030: 0, 'utf16le-bom': 0 };
  const programs = new Set<string>();
  const cities = new Set<string>();
  let bytes = 0;
  const width = Math.max(5, String(count - 1).length);
  for (let i = 0; i < count; i += 1) {
    const a = makeArticle(templates, pool, seed, i);
    const data = encodeArticle(a);
    const hash = crypto.createHash('sha1').update(data).digest('hex').slice(0, 16);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(width, '0')}_${hash}.txt`), data);
    bytes += data.length;
    encodings[a.encoding] += 1;
    for (const p of a.programs) programs.add(p);
    if (a.city) cities.add(a.city);
  }
  const summary: CorpusSummary = {
    dir,
    count,
    seed,
    bytes,
    encodings,
    distinctPrograms: programs.size,
    distinctCities: cities.size,
    generatorVersion: GENERATOR_VERSION,
    reused: false,
  };
  fs.writeFileSync(manifestFile, `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

if (require.main === module) {
  const [countRaw, dir, seedRaw] = process.argv.slice(2);
  const count = Number(countRaw);
  if (!Number.isInteger(count) || count < 1 || !dir) {
    process.stderr.write('usage: npx tsx bench/corpus.ts <count> <dir> [seed]\n');
    process.exit(2);
  }
  const root = path.resolve(__dirname, '..');
  const summary = writeCorpus(
    path.join(root, 'import'),
    path.resolve(dir),
    count,
    seedRaw ? Number(seedRaw) : 20261122,
  );
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
