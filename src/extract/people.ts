/**
 * People with posts: `廊坊市委书记杨晓和` → 杨晓和, title 市委书记, HOLDS 廊坊市委;
 * `市委副书记、市长张才芳` → two posts; `县委常委、组织部部长刘红梅` → 县委常委 of 县委 and 组织部部长 of
 * 县委组织部; `习近平总书记` → 习近平, 总书记 of 中共中央.
 * Bylines (记者/通讯员) and editors are document authors, not people nodes; residents named
 * without a post (居民段文林) are not extracted. Public within `extract`: `extractPeople`.
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
];
const TITLE_RE = new RegExp(TITLE_WORDS.join('|'), 'g');

// What may follow a personal name: 说/表示/介绍 …, a preposition, an adverb starting the predicate.
// prettier-ignore
const AFTER_NAME_WORDS = [
  '表示', '指出', '介绍', '强调', '认为', '告诉', '坦言', '带领', '带头', '主持', '同志', '一行', '深入', '认真',
  '总结', '通过', '聚焦', '接到', '高度', '亲自', '提出', '要求', '出席', '参加', '调研', '来到', '前往', '走进',
  '看望', '召开', '宣布', '感慨', '回忆', '说道', '指导', '督导', '检查', '慰问', '会见', '多次', '先后', '首先',
  '随后', '现场', '详细', '告诫', '希望', '动情', '激动', '笑着', '连夜', '专程', '第一时间', '积极', '主动',
  '始终', '一直', '率先', '充分', '对此', '同时', '等人', '讲话', '作出', '听取', '部署', '作了', '代表',
  '带队', '陪同', '透露', '谈到', '表态', '讲道', '再次', '反复', '特别', '曾经', '就此', '还说',
];
const AFTER_NAME_CHARS = new Set([...'说在到对向和与等率也都就是为从把将被讲谈作及的兼同以于曾已还又再每']);

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
  _tokens: TokenIndex,
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
    const name = nameAt(text, te);
    if (name !== null) {
      // 廊坊市委书记杨晓和; 市委副书记、市长张才芳 (posts joined by 、 or 兼 share the name).
      const posts: Post[] = [];
      let end = ts;
      let word = m[0];
      for (let guard = 0; guard < 4; guard++) {
        let post = readPost(text, sentences, places, orgs.hits, end, word, ensureCentral);
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
      if (posts.some((p) => p.target !== null)) note(name, posts, ts, 'person.title-name');
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

  const people = new Map<string, PersonEntity>();
  const holds: Relation[] = [];
  const hits: Hit[] = [];
  for (const [name, entry] of [...found.entries()].sort((a, b) => compareStrings(a[0], b[0]))) {
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
      return { post: { title: text.slice(org.titleStart, te), target: org.ref, at: ts }, start: org.start };
    }
    const place = places.hits.find((h) => h.end === e && !h.deictic);
    if (place !== undefined) {
      return { post: { title: text.slice(e, te), target: place.ref, at: ts }, start: place.start };
    }
  }
  if (word === '总书记') return { post: { title: word, target: ensureCentral(ts), at: ts }, start: ts };
  // A bare post: 市长 → the main city, 省长 → the province, 县长/区长 → the county.
  let ps = ts;
  while (ps > 0 && ts - ps < 6 && postChar(text[ps - 1]) && text[ps - 1] !== '兼') ps--;
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

function postChar(ch: string | undefined): boolean {
  return isHan(ch) && !NAME_STOP_CHARS.has(ch ?? '') && ch !== '、';
}

// A personal name right after a post: a surname, two or three characters (four with a compound
// surname), and then something that can follow a name (说, 介绍, 带头, punctuation …):
// 杨晓和介绍 → 杨晓和; 张涛对深化… → 张涛; 书记直接督导 → none (直 is no surname).
function nameAt(text: string, pos: number): string | null {
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
  // 李明说 / 张涛对: a character that never ends a name means the name is the shorter one.
  if (NEVER_ENDS_NAME.has(text[pos + long - 1] ?? '') && fits(short) !== null)
    return text.slice(pos, pos + short);
  const a = fits(long);
  if (a === 'strong') return text.slice(pos, pos + long);
  const b = fits(short);
  if (b !== null) return text.slice(pos, pos + short);
  if (a !== null) return text.slice(pos, pos + long);
  return null;
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
