/**
 * What each bundled article must yield, written from reading the articles in `import/`.
 */
import {
  graphOf,
  metricIn,
  orgNamed,
  personNamed,
  placeChain,
  placeName,
  placeNamed,
  postsOf,
  programNamed,
  programNames,
  implementedIn,
} from './testing/graph';
import type { DocumentGraph } from './types';

function expectNoProgramNamed(g: DocumentGraph, phrases: string[]): void {
  const names = programNames(g);
  for (const phrase of phrases) expect(names).not.toContain(phrase);
}

function runs(g: DocumentGraph, org: string, program: string): boolean {
  const o = orgNamed(g, org);
  return g.relations.some((r) => r.type === 'RUNS' && r.from.key === o?.key && r.to.key === program);
}

describe('000 燕赵新答卷·廊坊篇 (河北新闻网, 2021-06-07)', () => {
  const g = graphOf('000');

  it('reads the headline, not the site banner or the column name', () => {
    expect(g.document.title).toContain('夯基铸魂');
    expect(g.document.title).toContain('汇聚前行澎湃力量');
    expect(g.document.title).not.toMatch(/廊坊新闻|河北日报廊坊专辑|燕赵新答卷|\|/);
  });

  it('reads date, outlet and the byline (not the photographers or the editor)', () => {
    expect(g.document.publishedAt).toBe('2021-06-07');
    expect(g.document.source).toBe('河北新闻网');
    expect(g.document.authors).toEqual(['解丽达', '孟宪峰', '周禹佳']);
  });

  it('is about 廊坊市', () => {
    expect(g.document.mainPlaceKey).toBe('code:131000');
    expect(placeNamed(g, '廊坊市').level).toBe('CITY');
  });

  it('attaches villages and communities under the places named with them', () => {
    expect(placeChain(g, '东张务村')).toEqual(['东张务村', '落垡镇', '安次区', '廊坊市', '河北省']);
    expect(placeNamed(g, '东张务村').level).toBe('VILLAGE');
    expect(placeNamed(g, '落垡镇').level).toBe('TOWNSHIP');
    expect(placeChain(g, '吉兴社区')).toEqual(['吉兴社区', '广阳区', '廊坊市', '河北省']);
    expect(placeChain(g, '万众里社区')).toEqual(['万众里社区', '广阳区', '廊坊市', '河北省']);
  });

  it('resolves short county names inside the main city (固安 → 固安县)', () => {
    expect(placeNamed(g, '固安县').code).toBe('131022');
    expect(placeNamed(g, '三河市').code).toBe('131082');
  });

  it('finds the programs the article describes', () => {
    const lead = programNamed(g, '领头羊工程');
    expect(lead?.kind).toBe('PROJECT');
    expect(lead?.aliases).toEqual(expect.arrayContaining(['“领头羊”工程', '农村“领头羊”工程']));
    expect(programNamed(g, '双报到')).toBeDefined();
    expect(programNamed(g, '六位一体')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '我为群众办实事')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '群众说事、干部解题')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '三包四帮六保五到位')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '创星争先')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '村党组织防瘫预警')?.kind).toBe('MECHANISM');
    // The quoted core names it (SOURCES.md: canonical = the quoted core); the written form is an alias.
    expect(programNamed(g, '百千万工程')?.kind).toBe('PROJECT');
    expect(programNamed(g, '百千万工程')?.aliases).toContain('百千万培训工程');
  });

  it('does not turn sayings, slogans and descriptions into programs', () => {
    expectNoProgramNamed(g, [
      '不可能',
      '十四五',
      '护城河',
      '红马甲',
      '急难愁盼',
      '死角死面',
      '上瘾',
      '大合唱',
      '五个廊坊',
      '激情干事业',
      '干部是干出来的',
      '想干事、能干事、干成事',
      '两委',
      '选育管用',
      '临空人',
      '百里环线党建示范长廊',
    ]);
    // 北运河香河段旅游通航工程 is a construction site, 民生工程 a generic phrase.
    expect(programNames(g).some((n) => n.includes('通航'))).toBe(false);
    expect(programNames(g)).not.toContain('民生工程');
  });

  it('reads 杨晓和 as 市委书记 of 廊坊市委', () => {
    expect(postsOf(g, '杨晓和')).toEqual([{ title: '市委书记', target: '廊坊市委' }]);
    expect(orgNamed(g, '廊坊市委')?.kind).toBe('PARTY_COMMITTEE');
    expect(placeName(g, orgNamed(g, '廊坊市委')?.placeKey ?? null)).toBe('廊坊市');
    for (const notAPost of ['王永魁', '曹秀珍']) {
      expect(personNamed(g, notAPost)).toBeUndefined();
    }
    // SOURCES.md: a byline or photo credit that gives the title (河北日报记者 X) names a person, and
    // so does the editor line under the article (责任编辑：李瑾).
    expect(postsOf(g, '李瑾')[0]?.title).toBe('责任编辑');
    expect(postsOf(g, '赵永辉')).toEqual([{ title: '记者', target: '河北日报' }]);
    expect(postsOf(g, '解丽达')).toEqual([{ title: '记者', target: '河北日报' }]);
    expect(postsOf(g, '门丛硕')[0]?.title).toBe('通讯员');
  });

  it('finds the organizations, with 该村党支部 resolved to the village', () => {
    expect(orgNamed(g, '东张务村党支部')?.kind).toBe('PARTY_BRANCH');
    expect(placeName(g, orgNamed(g, '东张务村党支部')?.placeKey ?? null)).toBe('东张务村');
    expect(orgNamed(g, '廊坊市行政审批局')?.kind).toBe('GOVERNMENT');
    expect(orgNamed(g, '廊坊市工信局')?.kind).toBe('GOVERNMENT');
    expect(orgNamed(g, '固安县纪委监委')).toBeDefined();
  });

  it('reads the metrics with values, units and subjects', () => {
    expect(metricIn(g, '全市3199名', '3199名')).toMatchObject({
      value: 3199,
      unit: '名',
      subject: '村党组织书记',
      approximate: false,
    });
    expect(placeName(g, metricIn(g, '全市3199名', '3199名').placeKey)).toBe('廊坊市');
    expect(metricIn(g, '11.2万余名', '11.2万余名')).toMatchObject({
      value: 112000,
      unit: '名',
      subject: '党员',
      approximate: true,
    });
    expect(metricIn(g, '8344名', '8344名')).toMatchObject({ value: 8344, unit: '名', subject: '社区党员' });
    expect(metricIn(g, '22981人', '22981人')).toMatchObject({
      value: 22981,
      unit: '人',
      subject: '机关干部',
    });
    expect(metricIn(g, '99.8%', '99.8%')).toMatchObject({ value: 99.8, unit: '%' });
    expect(metricIn(g, '400多万元', '400多万元')).toMatchObject({
      value: 4000000,
      unit: '元',
      approximate: true,
    });
    expect(metricIn(g, '两万余名', '两万余名')).toMatchObject({
      value: 20000,
      unit: '名',
      approximate: true,
      subject: '机关干部',
    });
    expect(metricIn(g, '6429平方公里', '6429平方公里')).toMatchObject({ value: 6429, unit: '平方公里' });
    expect(metricIn(g, '160万立方米', '160万立方米')).toMatchObject({
      value: 1600000,
      unit: '立方米',
      approximate: true,
    });
    const third = metricIn(g, '三分之一', '三分之一');
    expect(third.value).toBeCloseTo(33.333, 2);
    expect(third).toMatchObject({ unit: '%', subject: '农村党组织' });
  });

  it('attaches the year the paragraph states (2020年2月初 … 423个无物业小区)', () => {
    expect(metricIn(g, '423个', '423个')).toMatchObject({ year: 2020, subject: '无物业小区' });
    expect(metricIn(g, '全市3199名', '3199名').year).toBe(2021);
  });

  // A metric measures a program only when its own clause names it (the brief of the metrics issue):
  // 组织发动8344名社区党员开展“双报到” counts 双报到's people; …，全市11.2万余名党员在各个防疫检查站…
  // 发挥作用 (another clause of the sentence) does not. Was: 11.2万余名 → 双报到 (sentence-wide).
  it('attaches a metric to the program of its own clause only', () => {
    expect(metricIn(g, '8344名', '8344名').programKey).toBe('双报到');
    expect(metricIn(g, '11.2万余名', '11.2万余名').programKey).toBeNull();
  });

  it('takes no dates, times or ordinals for metrics', () => {
    expect(g.metrics.map((m) => m.text).filter((t) => /年|(?<!个)月|日|:|第/.test(t))).toEqual([]);
    expect(g.metrics.some((m) => m.value === 2021 || m.value === 14)).toBe(false);
  });

  it('relates programs to places, organizations and each other', () => {
    expect(implementedIn(g, '领头羊工程')).toContain('廊坊市');
    const related = g.relations.find(
      (r) => r.type === 'RELATED_TO' && r.from.key === '六位一体' && r.to.key === '创星争先',
    );
    expect(related?.props.weight).toBe(1);
  });
});

describe('001 筑牢坚强堡垒 夯实执政根基 (河北日报客户端, 2023-05-27)', () => {
  const g = graphOf('001');

  it('reads the headline after the column name, not the channel banner', () => {
    expect(g.document.title).toBe('筑牢坚强堡垒 夯实执政根基');
    expect(g.document.publishedAt).toBe('2023-05-27');
    expect(g.document.source).toBe('河北日报客户端');
    expect(g.document.authors).toEqual(['赵建', '刘冉', '陈华']);
  });

  it('is about the whole province: five cities named once do not outweigh 我省/全省', () => {
    expect(g.document.mainPlaceKey).toBe('code:130000');
  });

  it('builds the place hierarchy of villages, communities and the new area', () => {
    expect(placeChain(g, '北庄村')).toEqual(['北庄村', '西柏坡镇', '平山县', '石家庄市', '河北省']);
    expect(placeChain(g, '台城村')).toEqual(['台城村', '安平县', '衡水市', '河北省']);
    expect(placeChain(g, '南文营社区')).toEqual(['南文营社区', '雄安新区', '河北省']);
    expect(placeNamed(g, '雄安新区').code).toBeNull();
    expect(placeChain(g, '新华社区')).toEqual(['新华社区', '馆陶县', '邯郸市', '河北省']);
  });

  it('does not read words as places (易地扶贫搬迁安置 is not 迁安, 增强村党支部凝聚力 is no village)', () => {
    const names = g.places.map((p) => p.name);
    expect(names).not.toContain('迁安市');
    expect(names).not.toContain('增强村');
  });

  it('finds the programs', () => {
    expect(programNamed(g, '领头羊工程')?.aliases).toContain('基层党组织“领头羊”工程');
    expect(programNamed(g, '三审一谈')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '平民夜校')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '四议两公开')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '第一议题')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '三会一课')).toBeDefined();
    expect(programNamed(g, '乡村振兴党旗红')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '万人示范培训')).toBeDefined();
  });

  it('does not turn slogans and figures of speech into programs', () => {
    expectNoProgramNamed(g, [
      '板凳座谈',
      '路边交流',
      '组织群众来听',
      '到群众中去讲',
      '两个确立',
      '两个维护',
      '关键一棒',
      '小巨人',
      '大能量',
      '一张网',
      '小网格',
      '大治理',
      '两委',
      '团结就是力量',
      '红色北庄、绿色振兴',
      '选',
      '组团式',
    ]);
  });

  it('reads people with their posts', () => {
    expect(postsOf(g, '倪岳峰')).toEqual([
      { title: '省人大常委会主任', target: '河北省人大常委会' },
      { title: '省委书记', target: '河北省委' },
    ]);
    expect(postsOf(g, '王伟肖')).toEqual([{ title: '党总支书记', target: '南文营社区党总支' }]);
    expect(postsOf(g, '封红卷')).toEqual([{ title: '村党支部书记', target: '北庄村党支部' }]);
    expect(postsOf(g, '王爱国')[0]?.target).toBe('馆陶县综合行政执法局');
    expect(postsOf(g, '王湘军')).toEqual([{ title: '网格员', target: '新华社区' }]);
    expect(postsOf(g, '习近平')).toEqual([{ title: '总书记', target: '中共中央' }]);
    for (const noPost of ['段文林', '刘家华', '王俊彦']) expect(personNamed(g, noPost)).toBeUndefined();
    // SOURCES.md: a byline with its title (河北日报记者 赵建 …) names people.
    expect(postsOf(g, '赵建')).toEqual([{ title: '记者', target: '河北日报' }]);
  });

  it('classifies the organizations', () => {
    expect(orgNamed(g, '南文营社区党总支')?.kind).toBe('GENERAL_BRANCH');
    expect(placeName(g, orgNamed(g, '南文营社区党总支')?.placeKey ?? null)).toBe('南文营社区');
    expect(orgNamed(g, '台城村党支部')?.kind).toBe('PARTY_BRANCH');
    expect(orgNamed(g, '河北省委')?.kind).toBe('PARTY_COMMITTEE');
    expect(orgNamed(g, '雄安新区容东管理委员会')?.kind).toBe('GOVERNMENT');
  });

  it('reads the metrics', () => {
    expect(metricIn(g, '21.78万个', '21.78万个')).toMatchObject({
      value: 217800,
      unit: '个',
      subject: '基层党组织',
    });
    expect(metricIn(g, '520.49万名', '520.49万名')).toMatchObject({
      value: 5204900,
      unit: '名',
      subject: '党员',
    });
    expect(metricIn(g, '10594个', '10594个')).toMatchObject({ value: 10594, subject: '村', year: 2022 });
    expect(metricIn(g, '30477名', '30477名')).toMatchObject({
      value: 30477,
      subject: '驻村干部',
      year: 2022,
    });
    expect(metricIn(g, '近500名', '500名')).toMatchObject({ value: 500, approximate: true });
    expect(metricIn(g, '约10万人次', '10万人次')).toMatchObject({
      value: 100000,
      unit: '人次',
      approximate: true,
      subject: '游客',
    });
    expect(metricIn(g, '6.5万元', '6.5万元')).toMatchObject({ value: 65000, unit: '元', year: 2020 });
    expect(metricIn(g, '100多万元', '100多万元')).toMatchObject({
      value: 1000000,
      approximate: true,
      year: 2022,
    });
    expect(placeName(g, metricIn(g, '6.5万元', '6.5万元').placeKey)).toBe('北庄村');
    expect(metricIn(g, '86%', '86%')).toMatchObject({ value: 86, unit: '%' });
    expect(metricIn(g, '3.88万个', '3.88万个')).toMatchObject({ value: 38800, subject: '综合网格' });
  });

  it('does not read 千条万条 (a saying) as numbers', () => {
    expect(g.metrics.filter((m) => m.text === '千条' || m.text === '万条')).toEqual([]);
  });

  it('relates the branch to the program it restarted and the programs to 河北省', () => {
    expect(runs(g, '台城村党支部', '平民夜校')).toBe(true);
    expect(implementedIn(g, '领头羊工程')).toContain('河北省');
    // The village that restarted it runs it; its province is a parent, not linked (PART_OF implies it).
    expect(implementedIn(g, '平民夜校')).toEqual(['台城村']);
  });
});

describe('002 砥砺初心使命 凝聚奋进力量 (定州, traditional script with pinyin)', () => {
  const g = graphOf('002');

  it('reads the headline and byline; the article states no day and no outlet', () => {
    expect(g.document.title).toBe('砥砺初心使命 凝聚奋进力量');
    expect(g.document.publishedAt).toBeNull();
    expect(g.document.source).toBeNull();
    expect(g.document.authors).toEqual(['聂资滨']);
  });

  it('is about 定州市 (a county-level city), which 我市/市委 refer to', () => {
    expect(g.document.mainPlaceKey).toBe('code:130682');
    expect(placeChain(g, '钮店社区')).toEqual(['钮店社区', '高蓬镇', '定州市', '保定市', '河北省']);
    expect(orgNamed(g, '定州市委')?.kind).toBe('PARTY_COMMITTEE');
    expect(placeName(g, orgNamed(g, '定州市委')?.placeKey ?? null)).toBe('定州市');
    expect(orgNamed(g, '定州市政府')?.kind).toBe('GOVERNMENT');
    expect(orgNamed(g, '钮店社区党支部')?.kind).toBe('PARTY_BRANCH');
  });

  it('finds the programs (in simplified script)', () => {
    expect(programNamed(g, '我为群众办实事')?.kind).toBe('CAMPAIGN');
    // 开展…“雙報到”活動, but 双报到 is a nationally defined standing practice (ProgramKind's rule).
    expect(programNamed(g, '双报到')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '六位一体')?.aliases).toContain('“六位一体”社区治理架构');
    expect(programNamed(g, '三代三公三优化工程')?.kind).toBe('PROJECT');
    expect(programNamed(g, '三基建设年')?.kind).toBe('CAMPAIGN');
    // Four parallel verb phrases are a slogan, not a program's name (SOURCES.md: slogans, lists).
    expect(programNamed(g, '学英雄、颂英雄、敬英雄、爱英雄')).toBeUndefined();
  });

  it('does not turn sayings, figures of speech or film titles into programs', () => {
    expectNoProgramNamed(g, [
      '急难愁盼',
      '正气歌',
      '老大难',
      '断头路',
      '口袋公园',
      '三个优秀',
      '钉子案',
      '牛鼻子',
      '责任田',
      '排头兵',
      '主心骨',
      '一盘棋',
      '一条心',
      '协奏曲',
      '红色引擎',
      '商贸一条街',
      '长津湖',
      '谷魂',
      '江山就是人民、人民就是江山',
    ]);
  });

  it('reads the posts of the city leaders', () => {
    expect(postsOf(g, '张涛')).toEqual([{ title: '市委书记', target: '定州市委' }]);
    expect(postsOf(g, '张才芳')).toEqual([
      { title: '市委副书记', target: '定州市委' },
      { title: '市长', target: '定州市' },
    ]);
    expect(postsOf(g, '陈建庄')).toEqual([{ title: '市委宣传部常务副部长', target: '定州市委宣传部' }]);
    expect(postsOf(g, '赵建平')).toEqual([
      { title: '村委会主任', target: '钮店社区' },
      { title: '社区党支部书记', target: '钮店社区党支部' },
    ]);
    for (const noPost of ['王萌', '张寒晖', '关于']) expect(personNamed(g, noPost)).toBeUndefined();
    // SOURCES.md: a byline that gives the title (本报记者 聂资滨) names a person.
    expect(postsOf(g, '聂资滨')[0]?.title).toBe('记者');
  });

  it('reads the metrics, in the year of the review (回眸2021)', () => {
    expect(metricIn(g, '3.5万个', '3.5万个')).toMatchObject({
      value: 35000,
      unit: '个',
      subject: '办证难问题',
      year: 2021,
    });
    expect(metricIn(g, '143个', '143个')).toMatchObject({ value: 143, subject: '无物业小区' });
    expect(metricIn(g, '280户', '280户')).toMatchObject({ value: 280, unit: '户', subject: '滞留户' });
    expect(metricIn(g, '近2000人', '2000人')).toMatchObject({ value: 2000, approximate: true });
    expect(metricIn(g, '3358名', '3358名')).toMatchObject({ value: 3358, subject: '党员' });
    expect(metricIn(g, '1.5万次', '1.5万次')).toMatchObject({ value: 15000, unit: '次' });
    expect(metricIn(g, '1.8万余人', '1.8万余人')).toMatchObject({
      value: 18000,
      unit: '人',
      approximate: true,
    });
    expect(metricIn(g, '5.5万名', '5.5万名')).toMatchObject({ value: 55000, subject: '党员干部' });
    expect(metricIn(g, '10个', '10个')).toMatchObject({ value: 10, subject: '口袋公园' });
  });

  it('relates the city committee to what it runs', () => {
    expect(runs(g, '定州市委', '三基建设年')).toBe(true);
    expect(implementedIn(g, '双报到')).toContain('定州市');
  });
});

describe('003 福州 (福州日报), an article without a headline', () => {
  const g = graphOf('003');

  it('falls back to the first sentence for the title and reads the byline', () => {
    expect(g.document.title).toContain('四个更大');
    expect(g.document.title.length).toBeLessThanOrEqual(64);
    expect(g.document.publishedAt).toBeNull();
    expect(g.document.source).toBe('福州日报');
    expect(g.document.authors).toEqual(['陈薇宇', '林晗']);
  });

  it('is about 福州市 and resolves its districts, 鼓楼 and 台江 included', () => {
    expect(g.document.mainPlaceKey).toBe('code:350100');
    expect(placeNamed(g, '鼓楼区').code).toBe('350102');
    expect(placeNamed(g, '台江区').code).toBe('350103');
    for (const d of ['仓山区', '晋安区', '长乐区', '马尾区', '闽侯县'])
      expect(placeChain(g, d)).toEqual([d, '福州市', '福建省']);
    expect(placeChain(g, '坵演村')).toEqual(['坵演村', '永泰县', '福州市', '福建省']);
  });

  it('finds the programs', () => {
    expect(programNamed(g, '近邻党建')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '两议两评两公开')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '一线处置平台')?.kind).toBe('PLATFORM');
    expect(programNamed(g, '党课云平台')?.kind).toBe('PLATFORM');
    expect(programNamed(g, '党建楼长制')?.kind).toBe('MECHANISM');
    for (const n of ['一楼八员', '党课开讲啦', '福州党建超市', '红色小广播', '民生兜底专项行动']) {
      expect(programNamed(g, n)).toBeDefined();
    }
  });

  it('does not turn slogans into programs', () => {
    expectNoProgramNamed(g, [
      '关键少数',
      '四个更大',
      '一张蓝图绘到底',
      '三个如何',
      '零距离',
      '四道关口',
      '全覆盖',
      '点对点',
      '一对一',
      '多对一',
      '红色阵地',
      '无事常联系、有事共商量、邻里一家亲',
      '3820',
    ]);
  });

  it('reads 林宝金 as 市委书记 of 福州市委', () => {
    expect(postsOf(g, '林宝金')).toEqual([{ title: '市委书记', target: '福州市委' }]);
    expect(orgNamed(g, '坵演村党支部')?.kind).toBe('PARTY_BRANCH');
  });

  it('reads the metrics', () => {
    expect(metricIn(g, '1998.03万元', '1998.03万元')).toMatchObject({
      value: 19980300,
      unit: '元',
      approximate: false,
    });
    expect(metricIn(g, '近3200万元', '3200万元')).toMatchObject({
      value: 32000000,
      unit: '元',
      approximate: true,
    });
    expect(metricIn(g, '20多万名', '20多万名')).toMatchObject({
      value: 200000,
      unit: '名',
      approximate: true,
      subject: '党员',
    });
    // 全面开展近邻党建百日攻坚，…，建立了2358个小区党组织: the program is named in another clause.
    expect(metricIn(g, '2358个', '2358个')).toMatchObject({
      value: 2358,
      subject: '小区党组织',
      programKey: null,
    });
    expect(metricIn(g, '99.4%', '99.4%')).toMatchObject({
      value: 99.4,
      unit: '%',
      subject: '按时办结率',
      programKey: '一线处置平台',
    });
    expect(metricIn(g, '1747人次', '1747人次')).toMatchObject({ value: 1747, unit: '人次', year: 2020 });
    expect(metricIn(g, '43842名', '43842名')).toMatchObject({ value: 43842, subject: '入党申请人' });
    expect(metricIn(g, '近6500支', '6500支')).toMatchObject({
      value: 6500,
      approximate: true,
      subject: '党员先锋队',
    });
  });

  it('implements programs in the districts named with them', () => {
    // 鼓楼、台江等商务楼宇聚集区，推行“一楼八员”: the districts listed as its subject, not their city.
    expect(implementedIn(g, '一楼八员').sort()).toEqual(['台江区', '鼓楼区']);
  });
});

describe('004 深化实施“领航工程” (中国城市报, 2023-07-31)', () => {
  const g = graphOf('004');

  it('reads headline, date and outlet, not the page banner or the kicker', () => {
    expect(g.document.title).toBe('深化实施“领航工程”推动基层党建走深走实');
    expect(g.document.publishedAt).toBe('2023-07-31');
    expect(g.document.source).toBe('中国城市报');
    expect(g.document.authors).toEqual([]);
    expect(g.document.mainPlaceKey).toBe('code:131000');
  });

  it('builds the village chains of the photo captions', () => {
    expect(placeChain(g, '土楼胜利村')).toEqual(['土楼胜利村', '刘街乡', '永清县', '廊坊市', '河北省']);
    expect(placeChain(g, '庆功台村')).toEqual(['庆功台村', '刘宋镇', '香河县', '廊坊市', '河北省']);
    expect(placeChain(g, '中门辛村')).toEqual(['中门辛村', '杨庄镇', '三河市', '廊坊市', '河北省']);
  });

  it('resolves districts by the city named before them (北京市通州区, not 南通)', () => {
    expect(placeNamed(g, '通州区').code).toBe('110112');
    expect(placeNamed(g, '大兴区').code).toBe('110115');
    expect(placeChain(g, '武清区')).toEqual(['武清区', '天津市']);
    expect(placeChain(g, '雄安新区')).toEqual(['雄安新区', '河北省']);
    expect(g.places.map((p) => p.name)).not.toContain('和县'); // 责任清单和县乡村三级书记
  });

  it('finds the programs', () => {
    expect(programNamed(g, '领航工程')?.kind).toBe('PROJECT');
    expect(programNamed(g, '领头羊工程')?.kind).toBe('PROJECT');
    expect(programNamed(g, '三审一谈')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '五访五帮')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '三四五工作法')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '红色驿站')?.kind).toBe('PLATFORM');
    expect(programNamed(g, '党群会客厅')?.kind).toBe('PLATFORM');
    expect(programNamed(g, '集中建支行动')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '双籍排查、双地管理、双向服务')?.kind).toBe('MECHANISM');
    for (const n of ['政治学习日', '双述双评', '导师帮带制', '8+1清单', '四同时', '五学', '三色清单']) {
      expect(programNamed(g, n)).toBeDefined();
    }
  });

  it('does not turn slogans, figures of speech or counts into programs', () => {
    expectNoProgramNamed(g, [
      '黄金三角',
      '最后一公里',
      '一张网',
      '一盘棋',
      '一条链',
      '一股劲',
      '一站式',
      '十四五',
      '三个100%',
      '一肩挑',
      '两个比例',
      '名额制',
      '标准制',
      '护城河',
      '零距离',
      '京津走廊明珠',
      '流动的旗帜',
      '关键人',
      '六有四无',
      '两代表一委员',
      '八项措施',
      '九项措施',
      '六个一',
      '百分考核',
      '四色台账',
      '大社区工作者队伍',
    ]);
    // 实行社区党员干部会客厅坐班制: 会客厅 runs on into 坐班制.
    expect(programNames(g)).not.toContain('社区党员干部会客厅');
  });

  it('finds no person but 习近平 (贾珺 is a photo credit)', () => {
    expect(g.people.map((p) => p.name)).toEqual(['习近平']);
  });

  it('reads the city committee and its department', () => {
    expect(orgNamed(g, '廊坊市委')?.kind).toBe('PARTY_COMMITTEE');
    // SOURCES.md: a committee's departments (组织部, 宣传部) are PARTY_COMMITTEE.
    expect(orgNamed(g, '廊坊市委组织部')?.kind).toBe('PARTY_COMMITTEE');
    expect(runs(g, '廊坊市委', '领航工程')).toBe(true);
    expect(runs(g, '廊坊市委组织部', '政治学习日')).toBe(true);
  });

  it('reads the metrics', () => {
    expect(metricIn(g, '87.6%', '87.6%')).toMatchObject({ value: 87.6, unit: '%', subject: '集中参学率' });
    expect(metricIn(g, '2.1亿元', '2.1亿元')).toMatchObject({ value: 210000000, unit: '元' });
    expect(metricIn(g, '1.83万名', '1.83万名')).toMatchObject({
      value: 18300,
      unit: '名',
      subject: '网格员',
    });
    expect(metricIn(g, '140余万人次', '140余万人次')).toMatchObject({
      value: 1400000,
      unit: '人次',
      approximate: true,
    });
    expect(metricIn(g, '近3700个', '3700个')).toMatchObject({
      value: 3700,
      approximate: true,
      subject: '基层学习点',
    });
    expect(metricIn(g, '100元/月', '100元/月')).toMatchObject({ value: 100, unit: '元/月', year: 2022 });
    expect(metricIn(g, '19.6人', '19.6人')).toMatchObject({ value: 19.6, unit: '人', subject: '社区工作者' });
    // 2021年以来共招聘…2114名 counts up to the text's day: a starting point names no year of its own
    // (SOURCES.md: the dev gold gives 2015年以来…188期 no year), so the dated text's year (2023).
    expect(metricIn(g, '2114名', '2114名')).toMatchObject({ value: 2114, subject: '社区工作者', year: 2023 });
    expect(metricIn(g, '4336个', '4336个')).toMatchObject({ value: 4336, subject: '网格' });
  });

  it('takes no page number, date, ratio or quoted count for a metric', () => {
    const texts = g.metrics.map((m) => m.text);
    // A duration is a metric (SOURCES.md: 连续7年, 48年): 连续工作满5年以上, 任职满6年; a year is not.
    expect(texts.filter((t) => /版|\d{4}年|月\d|日/.test(t))).toEqual([]);
    expect(g.metrics.some((m) => m.value === 19 && m.unit !== '项')).toBe(false); // 第19版
    expect(g.metrics.some((m) => m.evidence.quote.includes('三个100%') && m.value === 100)).toBe(false);
    expect(g.metrics.some((m) => m.evidence.quote.includes('1:1') && m.value === 1)).toBe(false);
  });
});
