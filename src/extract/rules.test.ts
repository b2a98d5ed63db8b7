/**
 * The extraction rules on short texts written for the purpose (phrases that are not in the
 * bundled articles), to show the rules are general.
 */
import { extractDocument } from '.';
import { cleanFromString } from './testing/clean';
import { placeChain, placeNamed, postsOf, programNamed } from './testing/graph';
import type { DocumentGraph } from './types';

function extract(text: string): DocumentGraph {
  return extractDocument(cleanFromString(text));
}

describe('document rules', () => {
  it('reads a dateline with 年月日, skips a breadcrumb banner and a kicker', () => {
    const g = extract(
      '新闻中心 > 地方新闻\n某某市：\n石家庄推行“街乡吹哨”机制\n2022年3月5日 来源：石家庄日报\n正文第一段。',
    );
    expect(g.document.title).toBe('石家庄推行“街乡吹哨”机制');
    expect(g.document.publishedAt).toBe('2022-03-05');
    expect(g.document.source).toBe('石家庄日报');
  });

  it('never takes a date from the body for the publication date', () => {
    const g = extract('标题在这里说明一件事\n2013年7月11日，习近平总书记在塔元庄视察时指出，要做好工作。');
    expect(g.document.publishedAt).toBeNull();
  });

  it('reads bylines and leaves photographers out', () => {
    const g = extract('一个标题\n正文。某某日报记者 张三摄\n（新华社记者 李四 王五）');
    expect(g.document.authors).toEqual(['李四', '王五']);
  });
});

describe('place rules', () => {
  it('resolves a repeated county name under the main city (鼓楼区 of 南京, not of 福州)', () => {
    const g = extract('南京市深化基层党建。南京市各区积极行动，鼓楼区推行网格化治理。');
    expect(placeNamed(g, '鼓楼区').code).toBe('320106');
    expect(g.document.mainPlaceKey).toBe('code:320100');
  });

  it('chains towns and villages the gazetteer does not list under the county named before them', () => {
    const g = extract('邢台市宁晋县某某镇张家庄村党支部书记李明说，村里变化大。');
    expect(placeChain(g, '张家庄村')).toEqual(['张家庄村', '某某镇', '宁晋县', '邢台市', '河北省']);
    expect(postsOf(g, '李明')).toEqual([{ title: '党支部书记', target: '张家庄村党支部' }]);
  });

  it('reads a town named like its county as the town (正定镇东门里社区 in an article about 正定县)', () => {
    const g = extract(
      '正定县推进基层治理。正定镇东门里社区党委书记刘红霞介绍，社区推行“小区吹哨、部门报到”机制。',
    );
    expect(placeChain(g, '东门里社区')).toEqual(['东门里社区', '正定镇', '正定县', '石家庄市', '河北省']);
    expect(postsOf(g, '刘红霞')).toEqual([{ title: '党委书记', target: '东门里社区党委' }]);
  });

  it('does not read common words as places (新华书店, 大城市, 和县)', () => {
    const g = extract('石家庄市新华书店里，大城市来的游客很多；责任清单和县乡村三级书记清单已经制定。');
    const names = g.places.map((p) => p.name);
    expect(names).not.toContain('新华区');
    expect(names).not.toContain('大城县');
    expect(names).not.toContain('和县');
    expect(names).toContain('石家庄市');
  });

  it('resolves 我市/全市 to the main city and 全省 to its province', () => {
    const g = extract('保定市召开会议。我市将开展活动，全市党员参与，全省瞩目，保定市委高度重视。');
    const count = (key: string): number | undefined => g.mentions.find((m) => m.ref.key === key)?.count;
    expect(count('code:130600')).toBe(4); // 保定市 ×2, 我市, 全市
    expect(count('code:130000')).toBe(1); // 全省
  });
});

describe('program rules', () => {
  it('reads a quoted name with a type suffix and keeps 工程/工作法/平台 in the canonical name', () => {
    const g = extract('某县全面推行“一村一策”工作法，深入实施“头雁培育”工程，搭建“智慧党建”平台。');
    expect(programNamed(g, '一村一策工作法')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '头雁培育工程')?.kind).toBe('PROJECT');
    expect(programNamed(g, '智慧党建平台')?.kind).toBe('PLATFORM');
  });

  it('drops generic type words: “街乡吹哨、部门报到”工作机制 → 街乡吹哨、部门报到', () => {
    const g = extract('石家庄市建立“街乡吹哨、部门报到”工作机制，推行“红心向党”主题活动。');
    expect(programNamed(g, '街乡吹哨、部门报到')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '红心向党')?.kind).toBe('CAMPAIGN');
  });

  it('reads a bare quoted name only when an implementation verb carries it out', () => {
    const g = extract('全县推行“四议一审”，群众称赞“好得很”，干部说“不容易”。');
    expect(programNamed(g, '四议一审')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '好得很')).toBeUndefined();
    expect(programNamed(g, '不容易')).toBeUndefined();
  });

  it('does not read a strategy or an idea as a program (实施“乡村振兴”战略)', () => {
    const g = extract('战旗村实施“乡村振兴”战略，践行“绿水青山就是金山银山”理念。');
    expect(g.programs).toEqual([]);
  });

  it('does not read slogans, figures of speech or counts as programs even after a verb', () => {
    const g = extract('打通服务群众“最后一公里”，打造基层治理“一张网”，落实“两个确立”，推进“十四五”规划。');
    expect(g.programs).toEqual([]);
  });

  it('reads an unquoted name ending in a suffix after an implementation verb', () => {
    const g = extract('该区创新开展党员积分管理活动，探索建立村级事务阳光公开长效机制。');
    expect(programNamed(g, '党员积分管理')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '村级事务阳光公开')?.kind).toBe('MECHANISM');
  });

  it('does not take a document title in 《》 for a program', () => {
    const g = extract('出台《关于加强村级组织建设的实施意见》，学习《习近平谈治国理政》。');
    expect(g.programs).toEqual([]);
  });
});

describe('people rules', () => {
  it('reads the name after a post without swallowing the next word', () => {
    const g = extract('邯郸市召开会议。市委书记张涛对工作提出要求。市长王建国说，要抓落实。');
    expect(postsOf(g, '张涛')).toEqual([{ title: '市委书记', target: '邯郸市委' }]);
    expect(postsOf(g, '王建国')).toEqual([{ title: '市长', target: '邯郸市' }]);
  });

  it('splits posts joined by 、 and 兼', () => {
    const g = extract('唐山市召开会议，市委副书记、市长李华强调，要扎实推进。');
    expect(postsOf(g, '李华')).toEqual([
      { title: '市委副书记', target: '唐山市委' },
      { title: '市长', target: '唐山市' },
    ]);
  });

  it('reads 总书记 after the name and rejects words that start like names', () => {
    const g = extract('深入学习习近平总书记关于“三农”工作的重要论述。');
    expect(postsOf(g, '习近平')).toEqual([{ title: '总书记', target: '中共中央' }]);
    expect(g.people.map((p) => p.name)).toEqual(['习近平']);
  });
});

describe('metric rules', () => {
  it('reads scaled, approximate and Chinese numbers with their subjects', () => {
    const g = extract(
      '全市共有党员12.5万余名，建成党群服务中心近300个，累计投入资金3.2亿元，两千余名干部下沉一线。',
    );
    const byText = (t: string) => g.metrics.find((m) => m.text === t);
    expect(byText('12.5万余名')).toMatchObject({
      value: 125000,
      unit: '名',
      approximate: true,
      subject: '党员',
    });
    expect(byText('300个')).toMatchObject({ value: 300, approximate: true });
    expect(byText('3.2亿元')).toMatchObject({ value: 320000000, unit: '元' });
    expect(byText('两千余名')).toMatchObject({ value: 2000, approximate: true, subject: '干部' });
  });

  it('reads the subject of a rate before it (参与率达92.5%)', () => {
    const g = extract('全村230户村民参与，参与率达92.5%。');
    expect(g.metrics.find((m) => m.text === '92.5%')).toMatchObject({
      value: 92.5,
      unit: '%',
      subject: '参与率',
    });
    expect(g.metrics.find((m) => m.text === '230户')).toMatchObject({
      value: 230,
      unit: '户',
      subject: '村民',
    });
  });

  it('takes no dates, times, ordinals, page numbers or document numbers', () => {
    const g = extract('2021年6月7日10:02，第19版刊发冀组字〔2021〕12号文件，第一书记到岗，“十四五”开局。');
    expect(g.metrics).toEqual([]);
  });
});
