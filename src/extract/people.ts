/**
 * People with posts: `廊坊市委书记杨晓和` → 杨晓和, title 市委书记, HOLDS 廊坊市委;
 * `市委副书记、市长张才芳` → two posts; `县委常委、组织部部长刘红梅` → 县委常委 of 县委 and 组织部部长 of
 * 县委组织部; `习近平总书记` → 习近平, 总书记 of 中共中央.
 * Bylines that give a title (本报记者 X, 通讯员 X Y, 校对 X) name people too (SOURCES.md), employed
 * by the outlet they name; a post whose body the text does not name is held in the place the
 * text gives it (外卖小哥, 队员, a 通讯员 of the article's place). Names are checked against the
 * jieba segmenter where the follower words cannot close them. Residents named without a post
 * (居民段文林) and partial names (朱师傅) are not extracted. Public within `extract`: `extractPeople`.
 */
import { compareHits, compareStrings, type Hit, type SentenceIndex } from './evidence';
import { isHan, NAME_STOP_CHARS } from './lexicon';
import { classifyOrganization, orgKey, type OrgHit } from './organizations';
import type { PlaceAnalysis } from './places';
import { surnameLength } from './surnames';
import type { TokenIndex } from './tokens';
import type { EntityRef, OrganizationEntity, PersonEntity, Relation } from './types';

/** People, their posts (HOLDS relations), organizations the posts created, and name hits. */
export interface PeopleAnalysis {
  people: Map<string, PersonEntity>;
  holds: Relation[];
  /** Organizations named only through a post (中共中央 for 总书记). */
  organizations: OrganizationEntity[];
  hits: Hit[];
}

// Post words, longest first: 常务副部长 before 副部长 before 部长.
// prettier-ignore
const TITLE_WORDS = [
  '常务副书记', '常务副部长', '常务副市长', '常务副县长', '常务副主任', '副秘书长', '执法专员', '总书记', '副书记',
  '副市长', '副县长', '副区长', '副省长', '副镇长', '副乡长', '副主任', '副部长', '副局长', '副主席', '秘书长',
  '理事长', '董事长', '总经理', '网格员', '书记', '市长', '县长', '区长', '省长', '镇长', '乡长', '主任', '部长',
  '局长', '主席', '专员', '村长', '组长', '站长', '所长', '院长', '校长', '队长', '常委',
  // 南江日报副总编辑邹某, 村支书王某, 干部教育科科长刘某, 应急服务队队员郑某, 外卖小哥林某, 餐馆老板周某,
  // 党员中心户长刘某, 网格长赵某, 集团副总裁张某, 协会会长孙某, 街道党工委组织委员高某.
  '副总编辑', '总编辑', '副主编', '主编', '村支书', '副科长', '科长', '队员', '小哥', '老板', '中心户长', '网格长',
  '副总裁', '总裁', '副总经理', '经理', '副会长', '会长', '厂长', '委员',
  // 楼栋长钱某, 党员联户长孙某, 调解员李某, 信息员赵某, 志愿者周某, 外卖骑手吴某, 社区民警郑某, 乡村医生王某.
  '楼栋长', '单元长', '户长', '调解员', '信息员', '联络员', '宣讲员', '志愿者', '骑手', '快递员', '民警', '医生',
  // 县国税局干部魏某, 村干部陈某.
  '干部',
].sort((a, b) => b.length - a.length);
const TITLE_RE = new RegExp(TITLE_WORDS.join('|'), 'g');

// What may follow a personal name: 说/表示/介绍 …, a preposition, an adverb starting the predicate.
// prettier-ignore
const AFTER_NAME_WORDS = [
  '表示', '指出', '介绍', '强调', '认为', '告诉', '坦言', '带领', '带头', '主持', '同志', '一行', '深入', '认真',
  '总结', '通过', '聚焦', '接到', '高度', '亲自', '提出', '要求', '出席', '参加', '调研', '来到', '前往', '走进',
  '看望', '召开', '宣布', '感慨', '回忆', '说道', '指导', '督导', '检查', '慰问', '会见', '多次', '先后', '首先',
  '随后', '现场', '详细', '告诫', '希望', '动情', '激动', '笑着', '连夜', '专程', '第一时间', '积极', '主动',
  '始终', '一直', '率先', '充分', '对此', '同时', '等人', '讲话', '作出', '听取', '部署', '作了', '代表',
  '带队', '陪同', '透露', '谈到', '表态', '讲道', '再次', '反复', '特别', '曾经', '就此', '还说', '口中',
];
const AFTER_NAME_CHARS = new Set([...'说在到对向和与等率也都就是为从把将被讲谈作及的兼同以于曾已还又再每正']);

// Address terms and occupations after a surname (partial names, SOURCES.md): 朱师傅, 王老师, 和律师.
const ADDRESS_TERM =
  /^(?:师傅|大爷|阿姨|大妈|大娘|大姐|大哥|老师|律师|医生|老汉|奶奶|爷爷|婆婆|同志|书记|总|某)/;

// Characters that end no personal name (和 and 与 may: 杨晓和).
const NEVER_ENDS_NAME = new Set([...'说在到对向等是为从把将被讲谈也都就又再的了及兼率']);

// Words that start like a name (关 and 高 are surnames) but are not: 总书记关于…, 书记高度重视.
// prettier-ignore
const NOT_NAMES = [
  '关于', '对于', '由于', '为了', '通过', '根据', '按照', '围绕', '结合', '带领', '同时', '高度', '充分', '严格',
  '全面', '深入', '切实', '认真', '以及', '还是', '于是', '方面', '方式', '方法', '时间', '时候', '常委', '委员',
  '成员', '代表', '同志', '干部', '党员', '群众', '强调', '指出', '要求', '来到', '应当', '应该', '向着', '和谐',
  '安全', '万名', '程序', '任务', '任职', '任期', '管理', '史学', '伍中', '金额', '钱款', '包括', '包联', '包村',
];

interface Post {
  title: string;
  target: EntityRef | null;
  at: number;
}

// A department post after 常委 belongs to that committee: 县委常委、组织部部长 → 县委组织部.
const DEPARTMENT_POST = /^(组织部|宣传部|统战部|政法委|社会工作部|办公室|秘书长)/;

/**
 * Finds people named with a post and links each post to its organization or place.
 *
 * @param orgs organizations found so far (posts attach to them) and their hits
 */
export function extractPeople(
  text: string,
  sentences: SentenceIndex,
  places: PlaceAnalysis,
  orgs: { organizations: Map<string, OrganizationEntity>; hits: readonly OrgHit[] },
  tokens: TokenIndex,
): PeopleAnalysis {
  const extraOrgs = new Map<string, OrganizationEntity>();
  const ensureCentral = (at: number): EntityRef => {
    const key = orgKey(null, '中共中央');
    if (!orgs.organizations.has(key) && !extraOrgs.has(key)) {
      extraOrgs.set(key, {
        key,
        name: '中共中央',
        kind: 'PARTY_COMMITTEE',
        placeKey: null,
        evidence: sentences.evidence(at, 'org.post'),
      });
    }
    return { label: 'Organization', key };
  };

  // 县委常委、组织部部长刘红梅: the department of the committee named in the post before.
  const ensureDepartment = (committee: EntityRef, dept: string, at: number): EntityRef | null => {
    const parent = orgs.organizations.get(committee.key) ?? extraOrgs.get(committee.key);
    if (parent === undefined || !/[省市县区州旗]委$/.test(parent.name)) return null;
    const name = parent.name + dept;
    const key = orgKey(parent.placeKey, name);
    if (!orgs.organizations.has(key) && !extraOrgs.has(key)) {
      extraOrgs.set(key, {
        key,
        name,
        kind: classifyOrganization(name),
        placeKey: parent.placeKey,
        evidence: sentences.evidence(at, 'org.post'),
      });
    }
    return { label: 'Organization', key };
  };

  const found = new Map<string, { posts: Post[]; at: number; rule: string }>();
  const note = (name: string, posts: Post[], at: number, rule: string): void => {
    const entry = found.get(name) ?? { posts: [], at, rule };
    for (const p of posts)
      if (!entry.posts.some((q) => q.title === p.title && q.target?.key === p.target?.key))
        entry.posts.push(p);
    found.set(name, entry);
  };

  for (const m of text.matchAll(TITLE_RE)) {
    const ts = m.index;
    const te = ts + m[0].length;
    // 村党支部书记 王某某说: one space may separate the post from the name.
    const nameStart = text[te] === ' ' || text[te] === '　' ? te + 1 : te;
    const name = inOrg(orgs.hits, ts) ? null : nameAt(text, nameStart, tokens);
    if (name !== null) {
      // 廊坊市委书记杨晓和; 市委副书记、市长张才芳 (posts joined by 、 or 兼 share the name).
      const posts: Post[] = [];
      let end = ts;
      let word = m[0];
      for (let guard = 0; guard < 4; guard++) {
        let post = readPost(text, sentences, places, orgs.hits, tokens, end, word, ensureCentral);
        // 市委常委、秘书长李强: a bare post after 常委、 is a post of that committee (resolved below).
        if (post === null && text[end - 1] === '、' && titleEndingAt(text, end - 1) === '常委')
          post = { post: { title: word, target: null, at: end }, start: end };
        if (post === null) break;
        posts.push(post.post);
        const sep = text[post.start - 1];
        if (sep !== '、' && sep !== '兼') break;
        const previous = titleEndingAt(text, post.start - 1);
        if (previous === null) break;
        end = post.start - 1 - previous.length;
        word = previous;
      }
      posts.reverse();
      for (let i = 1; i < posts.length; i++) {
        const post = posts[i];
        const previous = posts[i - 1];
        const dept = post === undefined ? null : DEPARTMENT_POST.exec(post.title);
        if (post === undefined || dept === null || previous?.target?.label !== 'Organization') continue;
        if (!previous.title.endsWith('常委') || post.target?.label === 'Organization') continue;
        // 市委常委、秘书长: the post of the committee itself; 县委常委、组织部部长: of its department.
        const target =
          dept[1] === '秘书长' ? previous.target : ensureDepartment(previous.target, dept[1] ?? '', post.at);
        if (target !== null) post.target = target;
      }
      // A post whose body the text does not name (队员, 科长 of an unnamed section) still makes a person.
      if (posts.length === 0) posts.push({ title: m[0], target: null, at: ts });
      note(name, posts, ts, 'person.title-name');
      // 网格员张某某、李某等: more names after the first share its post.
      for (let at = nameStart + name.length, guard = 0; text[at] === '、' && guard < 8; guard++) {
        const next = listName(text, at + 1, tokens);
        if (next === null || orgs.hits.some((h) => h.start === at + 1)) break;
        if (places.hits.some((h) => h.start === at + 1)) break;
        note(
          next,
          posts.map((p) => ({ ...p })),
          at + 1,
          'person.title-name',
        );
        at += 1 + next.length;
      }
      continue;
    }
    // 习近平总书记: the name comes before 总书记.
    if (m[0] === '总书记') {
      const before = nameBefore(text, ts);
      if (before !== null)
        note(
          before,
          [{ title: '总书记', target: ensureCentral(ts), at: ts }],
          ts - before.length,
          'person.name-title',
        );
    }
  }

  // Bylines with a title: 本报记者 许某, (某某在线记者 周某 孙某 通讯员 韩某), 通讯员吴某某李某 校对马某某.
  for (const b of readBylines(text, tokens, orgs.hits)) {
    note(b.name, [{ title: b.title, target: b.target, at: b.titleStart }], b.start, 'person.byline');
  }

  // A list of people after a title, each named after the place of the post:
  // 表彰了一批优秀村党支部书记，有城关镇东坡村刘某某、河口镇西湾村陈某等 → 刘某某, 陈某 (村党支部书记).
  for (const item of readTitleList(text, sentences, places, tokens)) {
    note(
      item.name,
      [{ title: item.title, target: item.place, at: item.start }],
      item.start,
      'person.title-list',
    );
  }

  // 何某担任某某合作社理事长, 业主唐某被推荐担任党支部书记: the name before 担任, the post after it.
  for (const m of text.matchAll(APPOINTED)) {
    // 周某某，现任某村党支部书记: the name ends at the comma.
    let nameEnd = m.index;
    const passive = /被[\u4e00-\u9fa5]{0,3}$/.exec(text.slice(Math.max(0, nameEnd - 4), nameEnd));
    if (passive !== null) nameEnd -= passive[0].length;
    const adverb = /(?:先后|同时|曾|已|还|也|现|仍|又)$/.exec(text.slice(Math.max(0, nameEnd - 2), nameEnd));
    if (adverb !== null) nameEnd -= adverb[0].length;
    const t = nameEndingAt(text, nameEnd, tokens);
    if (t === null) continue;
    const after = m.index + m[0].length;
    const tail = /^[^，。；：！？,;:!?\n“”]{0,24}/.exec(text.slice(after))?.[0] ?? '';
    let title: RegExpExecArray | null = null;
    for (const x of tail.matchAll(TITLE_RE)) title = x;
    if (title === null) continue;
    const ts = after + title.index;
    const post = readPost(text, sentences, places, orgs.hits, tokens, ts, title[0], ensureCentral);
    // The post starts after the verb: 被推荐担任党支部书记 → 党支部书记.
    const te = ts + title[0].length;
    if (post !== null && post.start < after) post.post.title = text.slice(after, te);
    note(t.name, [post?.post ?? { title: title[0], target: null, at: ts }], t.start, 'person.appointed');
  }

  const people = new Map<string, PersonEntity>();
  const holds: Relation[] = [];
  const hits: Hit[] = [];
  for (const [name, entry] of [...found.entries()].sort((a, b) => compareStrings(a[0], b[0]))) {
    // A post whose body the text does not name is held in a place (网格员 of a community, 外卖小哥
    // in a town, a 通讯员 of the place the article reports from).
    for (const p of entry.posts) if (p.target === null) p.target = placeOfPost(sentences, places, p.at);
    const withTarget = entry.posts.filter((p) => p.target !== null);
    const key = `${name}@${withTarget[0]?.target?.key ?? ''}`;
    people.set(key, { key, name, evidence: sentences.evidence(entry.at, entry.rule) });
    for (const p of withTarget) {
      if (p.target === null) continue;
      holds.push({
        type: 'HOLDS',
        from: { label: 'Person', key },
        to: p.target,
        props: { title: p.title },
        evidence: sentences.evidence(p.at, entry.rule),
      });
    }
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      hits.push({ ref: { label: 'Person', key }, start: at, end: at + name.length, rule: entry.rule });
    }
  }
  hits.sort(compareHits);
  return { people, holds, organizations: [...extraOrgs.values()], hits };
}

// The place a post without a named body is held in: the place named last before it in its
// sentence, else in its paragraph, else the document's main place.
function placeOfPost(sentences: SentenceIndex, places: PlaceAnalysis, at: number): EntityRef | null {
  const sentenceStart = sentences.at(at).start;
  const paragraphStart = sentences.paragraphStart(at);
  let inSentence: EntityRef | null = null;
  let inParagraph: EntityRef | null = null;
  for (const h of places.hits) {
    if (h.start >= at) break;
    if (h.deictic) continue;
    if (h.start >= sentenceStart) inSentence = h.ref;
    if (h.start >= paragraphStart) inParagraph = h.ref;
  }
  const main = places.mainPlaceKey === null ? null : { label: 'Place' as const, key: places.mainPlaceKey };
  return inSentence ?? inParagraph ?? main;
}

function titleEndingAt(text: string, end: number): string | null {
  for (const w of TITLE_WORDS) if (end - w.length >= 0 && text.startsWith(w, end - w.length)) return w;
  return null;
}

// The post ending with the title word at [ts, ts+word.length): the organization or place named
// right before it (廊坊市委|书记, 南文营社区党总支|书记, 新华社区|网格员, 馆陶县综合行政执法局|执法专员),
// else a bare level post (市长 → the main city, 省委书记 via the bare 省委 organization), else the
// nearest place of the sentence (村委会主任 in a sentence about 钮店社区).
function readPost(
  text: string,
  sentences: SentenceIndex,
  places: PlaceAnalysis,
  orgHits: readonly OrgHit[],
  tokens: TokenIndex,
  ts: number,
  word: string,
  ensureCentral: (at: number) => EntityRef,
): { post: Post; start: number } | null {
  const te = ts + word.length;
  for (let gap = 0; gap <= 4; gap++) {
    const e = ts - gap;
    if (gap > 0 && !postChar(text[e])) break;
    const org = orgHits.find((h) => h.end === e);
    if (org !== undefined) {
      return {
        post: { title: untensed(text.slice(org.titleStart, te)), target: org.ref, at: ts },
        start: org.start,
      };
    }
    const place = places.hits.find((h) => h.end === e && !h.deictic);
    if (place !== undefined) {
      return { post: { title: untensed(text.slice(e, te)), target: place.ref, at: ts }, start: place.start };
    }
  }
  if (word === '总书记') return { post: { title: word, target: ensureCentral(ts), at: ts }, start: ts };
  // A bare post: 市长 → the main city, 省长 → the province, 县长/区长 → the county.
  let ps = ts;
  while (ps > 0 && ts - ps < 6 && postChar(text[ps - 1]) && text[ps - 1] !== '兼') ps--;
  // 省委金融办金融工委组织部副部长: a longer run of post words is cut where a word starts, not
  // inside one (融工委组织部副部长).
  while (ps < ts && postChar(text[ps - 1]) && !tokens.boundaryAt(ps)) ps++;
  // A post is given without its tense marker: 原第一书记 → 第一书记, 时任村主任 → 村主任.
  if (text.startsWith('时任', ps) && ps + 2 <= ts) ps += 2;
  else if (text[ps] === '原' && ps < ts) ps += 1;
  const title = text.slice(ps, te);
  const level: Record<string, string | null> = {
    市长: places.mainCityKey,
    副市长: places.mainCityKey,
    省长: places.mainProvinceKey,
    副省长: places.mainProvinceKey,
    县长: places.mainCountyKey,
    副县长: places.mainCountyKey,
    区长: places.mainCountyKey,
    副区长: places.mainCountyKey,
  };
  if (title === word && level[word] !== undefined) {
    const key = level[word] ?? null;
    return { post: { title, target: key === null ? null : { label: 'Place', key }, at: ts }, start: ps };
  }
  // 赵村镇党委书记孙强、镇长周敏: a bare 镇长/乡长 heads the township named last before it in the paragraph.
  if (title === word && /^副?[镇乡]长$/.test(word)) {
    const paragraphStart = sentences.paragraphStart(ts);
    let town: EntityRef | null = null;
    for (const h of places.hits) {
      if (h.start >= ts) break;
      if (h.start >= paragraphStart && !h.deictic && h.level === 'TOWNSHIP') town = h.ref;
    }
    return town === null ? null : { post: { title, target: town, at: ts }, start: ps };
  }
  if (ps === ts) return null;
  const sentence = sentences.at(ts);
  // 区委书记 names a post of a 区: the nearest place must be of that level (not 南京市).
  const levelChar = /^([省市县区])(?:委|长)/.exec(title)?.[1];
  let nearest: EntityRef | null = null;
  for (const h of places.hits) {
    if (h.start >= ps) break;
    if (h.start < sentence.start || h.deictic) continue;
    const name = places.places.get(h.ref.key)?.name ?? '';
    if (levelChar === undefined || name.endsWith(levelChar)) nearest = h.ref;
  }
  // 驻村第一书记王刚 in a sentence naming no place: a village post is held in the village or
  // community named last in the paragraph.
  if (nearest === null && /^(?:驻村|村|社区|居委会|村委会)/.test(title)) {
    const paragraphStart = sentences.paragraphStart(ts);
    for (const h of places.hits) {
      if (h.start >= ps) break;
      if (h.start >= paragraphStart && !h.deictic && (h.level === 'VILLAGE' || h.level === 'COMMUNITY'))
        nearest = h.ref;
    }
  }
  return { post: { title, target: nearest, at: ts }, start: ps };
}

// A post is given without its tense marker: 原第一书记 → 第一书记, 时任村主任 → 村主任.
function untensed(title: string): string {
  return title.replace(/^(?:时任|原)(?=.{2})/, '');
}

function postChar(ch: string | undefined): boolean {
  return isHan(ch) && !NAME_STOP_CHARS.has(ch ?? '') && ch !== '、';
}

// A personal name right after a post: a surname, two or three characters (four with a compound
// surname), and then something that can follow a name (说, 介绍, 带头, punctuation …):
// 杨晓和介绍 → 杨晓和; 张涛对深化… → 张涛; 书记直接督导 → none (直 is no surname).
function nameAt(text: string, pos: number, tokens: TokenIndex): string | null {
  const name = nameByFollower(text, pos, tokens);
  // 书记全部为…: the segmenter reads the candidate as one common word (全部/n), not a name.
  const word = tokens.at(pos);
  if (name !== null && word !== undefined && word.start === pos && word.word === name)
    if (!/^(?:nr|nrfg|nrt|nz|x)$/.test(word.tag)) return null;
  return name;
}

function nameByFollower(text: string, pos: number, tokens: TokenIndex): string | null {
  const sl = surnameLength(text.slice(pos, pos + 2));
  if (sl === 0 || NOT_NAMES.some((w) => text.startsWith(w, pos))) return null;
  const lengths = sl === 2 ? [4, 3] : [3, 2];
  const fits = (len: number): 'strong' | 'weak' | null => {
    const name = text.slice(pos, pos + len);
    if (name.length !== len || ![...name].every((c) => isHan(c))) return null;
    if (TITLE_WORDS.some((w) => name.includes(w))) return null;
    const after = pos + len;
    const next = text[after];
    // 书记和近26.5万名党员: a name is never followed by a number or a Latin letter.
    if (next !== undefined && /[0-9A-Za-z０-９]/.test(next)) return null;
    if (next === undefined || !isHan(next)) return 'strong';
    if (AFTER_NAME_WORDS.some((w) => text.startsWith(w, after))) return 'strong';
    if (AFTER_NAME_CHARS.has(next)) return 'weak';
    return null;
  };
  const [long, short] = lengths as [number, number];
  // 骑手朱师傅, 医生和律师: a surname and an address term or occupation is no full name.
  if (ADDRESS_TERM.test(text.slice(pos + sl, pos + sl + 2))) return null;

  // 李明说 / 张涛对: a character that never ends a name means the name is the shorter one.
  if (NEVER_ENDS_NAME.has(text[pos + long - 1] ?? '') && fits(short) !== null)
    return text.slice(pos, pos + short);
  const a = fits(long);
  if (a === 'strong') return text.slice(pos, pos + long);
  const b = fits(short);
  if (b !== null) return text.slice(pos, pos + short);
  if (a !== null) return text.slice(pos, pos + long);
  // 党支部书记邓某建时…邓某建底气十足: a full name the text writes again wins over the segmenter's
  // shorter reading.
  const repeated = text.slice(pos, pos + long);
  if (
    repeated.length === long &&
    [...repeated].every((c) => isHan(c) && !NAME_STOP_CHARS.has(c)) &&
    !TITLE_WORDS.some((w) => repeated.includes(w)) &&
    text.indexOf(repeated, pos + long) >= 0
  )
    return repeated;
  return nameByTokens(text, pos, tokens);
}

// The segmenter's reading of a name the follower rule cannot close: 书记严书华召集 → 严书华/x,
// 青年何志远担任 → 何/志远 (a surname, then a given name the segmenter tags as a name).
function nameByTokens(text: string, pos: number, tokens: TokenIndex): string | null {
  const t = tokens.at(pos);
  if (t === undefined || t.start !== pos) return null;
  if (isNameToken(t.word, t.tag)) return t.word;
  if (t.word.length !== surnameLength(t.word) || t.word.length === 0) return null;
  const given = tokens.at(t.end);
  if (given === undefined || given.start !== t.end || given.word.length > 2) return null;
  if (!/^(?:nr|nrfg|nrt|x)$/.test(given.tag) || ![...given.word].every((c) => isHan(c))) return null;
  return t.word + given.word;
}

// A segmenter word that is a whole personal name: two to four characters, a surname first, tagged
// as a name or as an unknown word (HMM names come out as x): 严书华/x, 王伟/nr.
function isNameToken(word: string, tag: string): boolean {
  const sl = surnameLength(word);
  if (sl === 0 || !/^(?:nr|nrfg|nrt|x)$/.test(tag)) return false;
  if (word.length < sl + 1 || word.length > sl + 2 || ![...word].every((c) => isHan(c))) return false;
  return !NOT_NAMES.some((w) => word.startsWith(w)) && !TITLE_WORDS.some((w) => word.includes(w));
}

// The personal name that ends at `end`: a segmenter name word (陈某某/x), else a surname at a word
// boundary and one or two more characters whose last word is no common noun or verb:
// 青年何志远担任 → 何/志远, 业主唐国平被推荐 → 唐国/平; not 由党员担任 (党员/n).
function nameEndingAt(text: string, end: number, tokens: TokenIndex): { name: string; start: number } | null {
  const t = tokens.at(end - 1);
  if (t === undefined || t.end !== end) return null;
  if (isNameToken(t.word, t.tag)) return { name: t.word, start: t.start };
  if (t.word.length > 1 && !/^(?:nr|nrfg|nrt|nz|x)$/.test(t.tag)) return null;
  for (const len of [3, 2]) {
    const start = end - len;
    const name = text.slice(start, end);
    if (start < 0 || surnameLength(name) === 0 || !tokens.boundaryAt(start)) continue;
    if (![...name].every((c) => isHan(c) && !NAME_STOP_CHARS.has(c))) continue;
    if (NOT_NAMES.some((w) => name.includes(w)) || TITLE_WORDS.some((w) => name.includes(w))) continue;
    return { name, start };
  }
  return null;
}

function inOrg(hits: readonly OrgHit[], at: number): boolean {
  return hits.some((h) => h.start <= at && at < h.titleStart);
}

// 习近平总书记 → 习近平: three characters when the first is a surname, else two.
function nameBefore(text: string, ts: number): string | null {
  for (const len of [3, 2]) {
    const start = ts - len;
    if (start < 0) continue;
    const name = text.slice(start, ts);
    if ([...name].every((c) => isHan(c)) && surnameLength(name) > 0 && !/[中共央的了和与在]/.test(name))
      return name;
  }
  return null;
}

// A name right after the place of a list item, closed by 、 等 ， 。 or a bracket.
function listName(text: string, pos: number, tokens: TokenIndex): string | null {
  for (const len of [3, 2]) {
    const name = text.slice(pos, pos + len);
    const next = text[pos + len];
    if (name.length !== len || surnameLength(name) === 0 || ![...name].every((c) => isHan(c))) continue;
    if (next === undefined || !'、等…，,。；(（'.includes(next)) continue;
    if (NOT_NAMES.some((w) => name.startsWith(w)) || TITLE_WORDS.some((w) => name.includes(w))) continue;
    const t = tokens.at(pos);
    // The segmenter must not read the span as a common word running past the name (东坡村委).
    if (t !== undefined && t.start === pos && t.end > pos + len) continue;
    return name;
  }
  return null;
}

interface ListItem {
  name: string;
  title: string;
  place: EntityRef;
  start: number;
}

// Items `<place><name>` joined by 、 (at least two) in a sentence that names a post before them: the
// post is that title (with the unit it names: 村党支部书记), held in the place of each item.
function readTitleList(
  text: string,
  sentences: SentenceIndex,
  places: PlaceAnalysis,
  tokens: TokenIndex,
): ListItem[] {
  const out: ListItem[] = [];
  const items: { name: string; place: EntityRef; start: number }[] = [];
  const flush = (): void => {
    const first = items[0];
    if (items.length >= 2 && first !== undefined) {
      const sentence = sentences.at(first.start);
      let title: string | null = null;
      for (const m of text.slice(sentence.start, first.start).matchAll(LIST_TITLE_RE)) title = m[0];
      if (title !== null) for (const it of items) out.push({ ...it, title });
    }
    items.length = 0;
  };
  let lastEnd = -1;
  for (const h of places.hits) {
    if (h.deictic) continue;
    const name = listName(text, h.end, tokens);
    if (name === null) continue;
    // Items follow each other: the previous item ends with 、 right before this one's places.
    const between = lastEnd < 0 ? '' : text.slice(lastEnd, h.start);
    const chained = lastEnd >= 0 && /^、[^，。；、]{0,12}$/.test(between);
    if (!chained) flush();
    items.push({ name, place: h.ref, start: h.end });
    lastEnd = h.end + name.length;
  }
  flush();
  return out;
}

// The title a list of people is given under: 村党支部书记, 社区党委书记, 第一书记, 网格员 ….
const LIST_TITLE_RE = new RegExp(
  `(?:村|社区)?(?:党支部|党总支|党委|村委会|居委会)?(?:第一)?(?:${['书记', '主任', '网格员', '中心户长', '网格长', '队员', '村支书'].join('|')})`,
  'g',
);

// 某某担任…书记 / 被推荐担任…: the verbs that give a named person a post.
const APPOINTED = /担任|出任|当选为?|兼任|[，,]现任/g;

// Newsroom titles of a byline (a closed class), longest first: 见习记者 before 记者.
// prettier-ignore
const BYLINE_TITLES = [
  '特约通讯员', '通讯员', '见习记者', '实习记者', '特约记者', '首席记者', '摄影记者', '记者', '责任编辑', '责编',
  '编辑', '校对', '实习生',
];
const BYLINE_TITLE_RE = new RegExp(BYLINE_TITLES.join('|'), 'g');
// What may come right before a byline title: the start of a line, a bracket, a separator, the end of
// the sentence a photo caption ends (…介绍情况。某某在线记者 张某 摄).
const BYLINE_BEFORE = new Set([...'\n \t　(（【[■□|｜。！？”']);
// What ends a name of a byline: a separator, a bracket, the end of the line.
const BYLINE_NAME_END = new Set([...'\n \t　、)）】]|｜']);

interface BylinePerson {
  name: string;
  title: string;
  target: EntityRef | null;
  start: number;
  titleStart: number;
}

/**
 * People of the bylines that carry a title: `本报记者 许某`, `(某某晚报记者 周某 孙某 某某大学学生 林某
 * 通讯员 韩某)`, run-together names `通讯员吴某某李某 校对马某某`, `记者周某从某某`. A title's
 * employer is the outlet named before it, else the outlet of the dispatch or 本报 line next to the byline.
 */
function readBylines(text: string, tokens: TokenIndex, orgHits: readonly OrgHit[]): BylinePerson[] {
  const out: BylinePerson[] = [];
  const outlets = orgHits.filter((h) => h.rule.startsWith('org.outlet'));
  let resumeAt = 0;
  for (const m of text.matchAll(BYLINE_TITLE_RE)) {
    if (m.index < resumeAt || orgHits.some((h) => h.start <= m.index && m.index < h.end)) continue;
    const outlet = outlets.find((h) => h.titleStart === m.index);
    const before = text[(outlet?.start ?? m.index) - 1];
    const ownPaper = text.startsWith('本报', m.index - 2);
    if (outlet === undefined && !ownPaper && before !== undefined && !BYLINE_BEFORE.has(before)) continue;
    // The outlet of a dispatch or 本报 line near the byline employs a reporter named without one.
    const nearby = outlets.find((h) => h.rule !== 'org.outlet' && Math.abs(h.start - m.index) <= 80)?.ref;
    const found: BylinePerson[] = [];
    let pos = m.index;
    let title: string | null = null;
    let titleStart = pos;
    let target: EntityRef | null = null;
    for (let guard = 0; guard < 16 && pos < text.length; guard++) {
      // 责任编辑：某某, 通讯员 某某: a colon or spaces may follow the title.
      while (pos < text.length && ' \t　:：'.includes(text[pos] ?? '')) pos++;
      // 某某大学学生 林某, 某某在线记者 周某: an organization and then a title.
      const org = orgHits.find((h) => h.start === pos && h.start !== m.index);
      const after = org === undefined ? pos : Math.max(org.end, org.titleStart);
      const word =
        BYLINE_TITLES.find((w) => text.startsWith(w, after)) ??
        (org !== undefined && text.startsWith('学生', after) ? '学生' : undefined);
      if (word !== undefined && (org !== undefined || pos === m.index || title !== null)) {
        title = word;
        titleStart = after;
        target = org?.ref ?? (pos === m.index ? outlet?.ref : undefined) ?? nearby ?? null;
        pos = after + word.length;
        continue;
      }
      if (title === null) break;
      let end = pos;
      while (end < text.length && isHan(text[end]) && !BYLINE_TITLES.some((w) => text.startsWith(w, end)))
        end++;
      let chunkEnd = end;
      if (text.startsWith('报道', end - 2)) chunkEnd -= 2;
      else if (text[end - 1] === '摄') chunkEnd -= 1;
      const next = text[end];
      const closed =
        next === undefined || BYLINE_NAME_END.has(next) || BYLINE_TITLES.some((w) => text.startsWith(w, end));
      const names = closed ? splitNames(text, pos, chunkEnd, tokens) : null;
      if (names === null) break;
      for (const n of names) found.push({ name: n.name, title, target, start: n.start, titleStart });
      pos = end;
      if (text[pos] === '、') pos++;
      else if (!' \t　'.includes(text[pos] ?? '\n') && !BYLINE_TITLES.some((w) => text.startsWith(w, pos)))
        break;
    }
    if (found.length > 0) {
      out.push(...found);
      resumeAt = pos;
    }
  }
  return out;
}

// The names of [start, end): one name (two to four characters, a surname first), or names run
// together, split where a surname starts a two- or three-character name, preferring the split the
// segmenter agrees with: 吴建国李军马小红 → 吴建国/李军/马小红; 周卿从海波 → 周卿/从海波 when the
// segmenter reads 从海波/x (从 is a rare surname).
function splitNames(
  text: string,
  start: number,
  end: number,
  tokens: TokenIndex,
): { name: string; start: number }[] | null {
  const len = end - start;
  if (len < 2 || len > 16) return null;
  const chunk = text.slice(start, end);
  const tokenName = (s: number, e: number): boolean => {
    const t = tokens.at(s);
    // In a byline an unknown word of two or three characters is a name even when its surname is
    // rare (从海波/x).
    if (t === undefined || t.start !== s || t.end !== e) return false;
    return isNameToken(t.word, t.tag) || (t.tag === 'x' && /^[\u4e00-\u9fa5]{2,3}$/.test(t.word));
  };
  const piece = (s: number, e: number): number | null => {
    const w = text.slice(s, e);
    const sl = surnameLength(w);
    const exact = tokenName(s, e);
    if (!exact && (sl === 0 || w.length < sl + 1 || w.length > sl + 2)) return null;
    if (NOT_NAMES.some((x) => w.startsWith(x))) return null;
    return 1 + (exact ? 2 : 0) + (w.length === 3 ? 1 : 0);
  };
  if (len <= 4) {
    if (len === 4 && tokenName(start, start + 2) && tokenName(start + 2, end))
      return [
        { name: chunk.slice(0, 2), start },
        { name: chunk.slice(2), start: start + 2 },
      ];
    return surnameLength(chunk) > 0 || tokenName(start, end) ? [{ name: chunk, start }] : null;
  }
  // best[i]: the best split of the first i characters.
  const best: ({ score: number; cuts: number[] } | null)[] = [{ score: 0, cuts: [] }];
  for (let i = 1; i <= len; i++) {
    best[i] = null;
    for (let l = 2; l <= 4; l++) {
      const prev = best[i - l];
      if (i - l < 0 || prev === null || prev === undefined) continue;
      const sc = piece(start + i - l, start + i);
      if (sc === null) continue;
      const cur = best[i];
      if (cur === null || cur === undefined || prev.score + sc > cur.score)
        best[i] = { score: prev.score + sc, cuts: [...prev.cuts, i - l] };
    }
  }
  const result = best[len];
  if (result === null || result === undefined) return null;
  return result.cuts.map((c, k) => ({
    name: chunk.slice(c, result.cuts[k + 1] ?? len),
    start: start + c,
  }));
}
