/**
 * The people rules on sentences of the genre written for the purpose (not taken from any article
 * the extractor is measured on). One test per class of failure fixed.
 */
import { extractDocument } from '.';
import { cleanFromString } from './testing/clean';
import { personNamed, postsOf } from './testing/graph';
import type { DocumentGraph } from './types';

function extract(text: string): DocumentGraph {
  return extractDocument(cleanFromString(text));
}

function names(g: DocumentGraph): string[] {
  return g.people.map((p) => p.name).sort();
}

describe('people rules', () => {
  it('reads a byline with titles and spaced names; the outlet named before the title employs them', () => {
    const g = extract('一个标题\n(东海晚报记者 周海燕 孙立 通讯员 韩冬梅)\n正文说的是德清县的基层党建。');
    expect(names(g)).toEqual(['周海燕', '孙立', '韩冬梅'].sort());
    expect(postsOf(g, '周海燕')).toEqual([{ title: '记者', target: '东海晚报' }]);
    expect(postsOf(g, '韩冬梅')[0]?.title).toBe('通讯员');
  });

  it('splits run-together byline names at the surnames (通讯员王某某张某 校对李某)', () => {
    const g = extract('一个标题\n正文说的是德清县的基层党建。\n通讯员吴建国李军 校对马小红 |');
    expect(names(g)).toEqual(['吴建国', '李军', '马小红'].sort());
    expect(postsOf(g, '马小红')[0]?.title).toBe('校对');
  });

  it('reads the editor line under an article, with a compound surname (责任编辑：欧阳晓雪)', () => {
    const g = extract('一个标题\n正文说的是德清县的基层党建。\n责任编辑：欧阳晓雪\n编辑:林小路');
    expect(names(g)).toEqual(['林小路', '欧阳晓雪'].sort());
    expect(postsOf(g, '欧阳晓雪')[0]?.title).toBe('责任编辑');
    expect(postsOf(g, '林小路')[0]?.title).toBe('编辑');
  });

  it('reads an editor credit in brackets after other page links, or glued to the last sentence', () => {
    const g = extract('一个标题\n正文说的是德清县的基层党建。\n【纠错】 【责任编辑:周立新】');
    expect(names(g)).toEqual(['周立新']);
    expect(postsOf(g, '周立新')[0]?.title).toBe('责任编辑');
    const d = extract('一个标题\n正文说的是德清县的基层党建。（责任编辑：吴晓梅）');
    expect(postsOf(d, '吴晓梅')[0]?.title).toBe('责任编辑');
  });

  it('reads a cadre of a named bureau (县税务局干部某某) as a person with that post', () => {
    const g = extract('一个标题\n青川县税务局干部罗永明到村里担任第一书记。');
    expect(names(g)).toEqual(['罗永明']);
    expect(postsOf(g, '罗永明')[0]?.title).toMatch(/干部$/);
  });

  it('reads 责编 as an editor credit in a header line', () => {
    const g = extract(
      '一个标题\n2019-07-26 14:47:39  来源：某某在线  责编：周晓峰\n正文说的是德清县的基层党建。',
    );
    expect(postsOf(g, '周晓峰')[0]?.title).toBe('责编');
  });

  it('prefers the full name the text writes again to a shorter reading (书记某某某时)', () => {
    const g = extract('一个标题\n记者见到白沙村党支部书记邓立建时，他刚上任。但邓立建底气十足。');
    expect(names(g)).toEqual(['邓立建']);
  });

  it('closes a name before 口中 (居委会干部某某口中的“老书记”)', () => {
    const g = extract('一个标题\n后湖社区居委会干部裴素花口中的“老书记”，正是老党员周德兴。');
    expect(names(g)).toContain('裴素花');
  });

  it('cuts a long run of post words where a word starts (省委金融办金融工委组织部副部长)', () => {
    const g = extract('一个标题\n在山西省吉县白沙村，中共省委金融办金融工委组织部副部长赵明远，走访了农户。');
    const title = postsOf(g, '赵明远')[0]?.title ?? '';
    expect(title).toMatch(/组织部副部长$/);
    expect(['融', '委'].includes(title[0] ?? '')).toBe(false);
  });

  it('takes 本报 as the outlet of the 来源 line, and the reporter of a dispatch as its outlet’s', () => {
    const g = extract('一个标题\n来源：南方晨报 2021-05-06\n本报记者 许文静\n正文说的是基层党建。');
    expect(postsOf(g, '许文静')).toEqual([{ title: '记者', target: '南方晨报' }]);
    const d = extract('某某新闻网广州3月2日电(记者 钟丽华)正文说的是基层党建。');
    expect(postsOf(d, '钟丽华')).toEqual([{ title: '记者', target: '某某新闻网' }]);
  });

  it('does not read a reporter doing something as a byline (记者来到, 记者了解到)', () => {
    const g = extract('一个标题\n记者来到村里，记者了解到，全村党员都参加了学习。');
    expect(g.people).toEqual([]);
  });

  it('reads a name the segmenter closes when no follower word does (村党支部书记某某召集)', () => {
    const g = extract('在柳塘村，村党支部书记严书华召集党员开会。');
    expect(postsOf(g, '严书华')[0]?.title).toBe('村党支部书记');
  });

  it('keeps a person whose post names no body, held where the text places it (队员, 外卖小哥)', () => {
    const g = extract('在德清县，应急服务队队员郑海波检查了线路。外卖小哥林子豪走进店里。');
    expect(postsOf(g, '郑海波')).toEqual([{ title: '应急服务队队员', target: '德清县' }]);
    expect(postsOf(g, '林子豪')[0]?.title).toBe('外卖小哥');
  });

  it('reads a post given with 担任 after the name (某某担任…理事长, 被推荐担任党支部书记)', () => {
    const g = extract(
      '德清县清溪村，返乡青年何志远担任清溪村股份经济合作社理事长。业主唐国平被推荐担任党支部书记。',
    );
    expect(postsOf(g, '何志远')[0]?.title).toContain('理事长');
    expect(postsOf(g, '唐国平')[0]?.title).toBe('党支部书记');
  });

  it('reads an editor post of a newspaper and the newspaper as an organization', () => {
    const g = extract('当年，时任东海晚报副总编辑邹明亮带队采访。');
    expect(postsOf(g, '邹明亮')).toEqual([{ title: '副总编辑', target: '东海晚报' }]);
    expect(personNamed(g, '时任')).toBeUndefined();
  });

  it('reads a list of people after a title, each held in the place named before the name', () => {
    const g = extract('德清县表彰了一批优秀党支部书记，有乾元镇金火村赵春燕、新市镇蔡界村钱立军等。');
    expect(postsOf(g, '赵春燕')).toEqual([{ title: '党支部书记', target: '金火村' }]);
    expect(postsOf(g, '钱立军')).toEqual([{ title: '党支部书记', target: '蔡界村' }]);
  });

  it('reads a post given after the name (某某，现任…书记)', () => {
    const g = extract('德清县莫干山镇，周建华，现任仙潭村党支部书记。');
    expect(postsOf(g, '周建华')).toEqual([{ title: '党支部书记', target: '仙潭村党支部' }]);
  });

  it('does not read a common word after a title as a name (书记全部为…)', () => {
    const g = extract('德清县的村党组织书记全部为高中以上学历。');
    expect(g.people).toEqual([]);
  });

  it('gives a post without its tense marker (原第一书记 → 第一书记)', () => {
    const g = extract('德清县仙潭村原第一书记许光明，带领村民发展茶叶产业。');
    expect(postsOf(g, '许光明')[0]?.title).toBe('第一书记');
  });

  it('reads occupations as posts but not partial names (骑手吴某 yes, 骑手朱师傅 no)', () => {
    const g = extract('德清县城区，外卖骑手吴家明说，骑手朱师傅也常来驿站歇脚。');
    expect(names(g)).toEqual(['吴家明']);
  });

  it('keeps a three-character name the segmenter splits (程家/林): the follower closes it', () => {
    const g = extract('德清县清溪村，合作社理事长程家林介绍，社员已有两百多人。');
    expect(names(g)).toEqual(['程家林']);
  });

  it('reads a name one space after its post (村党支部书记 王某某说)', () => {
    const g = extract('德清县仙潭村，村党支部书记 沈国强说，今年茶园增收明显。');
    expect(postsOf(g, '沈国强')[0]?.title).toBe('村党支部书记');
  });

  it('gives the post to every name of a list after it (网格员张某某、李某等)', () => {
    const g = extract('德清县仙潭村的网格员张丽华、李明等走访了农户。');
    expect(postsOf(g, '张丽华')[0]?.title).toBe('网格员');
    expect(postsOf(g, '李明')[0]?.title).toBe('网格员');
  });

  it('reads 本报通讯员 bylines', () => {
    const g = extract('一个标题\n本报通讯员 许文静 林海\n德清县推行网格化治理。');
    expect(names(g)).toEqual(['林海', '许文静'].sort());
    expect(postsOf(g, '林海')[0]?.title).toBe('通讯员');
  });
});
