/**
 * Articles the extractor was not written against: four texts of the genre written for the purpose
 * (`testing/unseen/*.txt`), so their ground truth is known. They cover what the bundled five lack:
 * a county, a province, a 街道/社区, many people with posts, numbers in many forms (近千名, 两成,
 * 百分之九十五, 第3名, 〔2023〕5号), quotes as “”「」‘’, and phrases that look like programs but are not.
 * The last block checks the weaknesses of the bundled articles that these rules fixed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { extractDocument } from '.';
import { cleanFromString } from './testing/clean';
import {
  graphOf,
  metricIn,
  orgNamed,
  placeChain,
  placeName,
  placeNamed,
  postsOf,
  programNamed,
} from './testing/graph';
import type { DocumentGraph, MetricEntity } from './types';

const UNSEEN_DIR = join(__dirname, 'testing', 'unseen');
const cache = new Map<string, DocumentGraph>();

function unseen(file: string): DocumentGraph {
  let g = cache.get(file);
  if (g === undefined) {
    g = extractDocument(cleanFromString(readFileSync(join(UNSEEN_DIR, file), 'utf8'), file));
    cache.set(file, g);
  }
  return g;
}

function programNames(g: DocumentGraph): string[] {
  return g.programs.map((p) => p.name);
}

function expectNoProgram(g: DocumentGraph, phrases: string[]): void {
  const names = programNames(g);
  for (const phrase of phrases) {
    expect(names).not.toContain(phrase);
    for (const p of g.programs)
      expect(p.aliases.map((a) => a.replace(/[“”‘’「」]/g, ''))).not.toContain(phrase);
  }
}

function placeOf(g: DocumentGraph, m: MetricEntity): string | null {
  return placeName(g, m.placeKey);
}

function metricsValued(g: DocumentGraph, value: number): MetricEntity[] {
  return g.metrics.filter((m) => m.value === value);
}

describe('unseen: 安吉县 (a county article, 湖州日报 2024-03-12)', () => {
  const g = unseen('anji_county.txt');

  it('reads the header: headline, date, outlet and byline', () => {
    expect(g.document.title).toBe('安吉县：党建引领绘就共同富裕新图景');
    expect(g.document.publishedAt).toBe('2024-03-12');
    expect(g.document.source).toBe('湖州日报');
    expect(g.document.authors).toEqual(['沈佳怡', '吴晓峰']);
  });

  it('is about 安吉县 and hangs the villages under it', () => {
    expect(g.document.mainPlaceKey).toBe('code:330523');
    expect(placeChain(g, '余村')).toEqual(['余村', '天荒坪镇', '安吉县', '湖州市', '浙江省']);
    expect(placeNamed(g, '余村').level).toBe('VILLAGE');
    // 组织村干部到鲁家村学习: a village named alone, with no chain before it.
    expect(placeChain(g, '鲁家村')).toEqual(['鲁家村', '安吉县', '湖州市', '浙江省']);
  });

  it('reads the people with their posts, the byline is not people', () => {
    expect(postsOf(g, '冯卫东')).toEqual([{ title: '县委书记', target: '安吉县委' }]);
    expect(postsOf(g, '俞国林')).toEqual([
      { title: '党支部书记', target: '余村党支部' },
      { title: '村委会主任', target: '余村村委会' },
    ]);
    expect(postsOf(g, '陈晓燕')).toEqual([
      { title: '县委常委', target: '安吉县委' },
      { title: '组织部部长', target: '安吉县委组织部' },
    ]);
    expect(postsOf(g, '朱建华')).toEqual([
      { title: '村党支部书记', target: '鲁家村党支部' },
      { title: '村委会主任', target: '鲁家村村委会' },
    ]);
    // SOURCES.md: a byline that gives the title (记者 X 通讯员 Y) names people.
    expect(postsOf(g, '沈佳怡')[0]?.title).toBe('记者');
    expect(postsOf(g, '吴晓峰')[0]?.title).toBe('通讯员');
  });

  it('finds the programs, the short name (以下简称“千万工程”) as an alias', () => {
    const tt = programNamed(g, '千村示范、万村整治工程');
    expect(tt?.kind).toBe('PROJECT');
    expect(tt?.aliases).toContain('千万工程');
    expect(programNamed(g, '千万工程')).toBeUndefined();
    expect(programNamed(g, '最多跑一次')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '最多跑一次')?.aliases).toContain('“最多跑一次”改革');
    expect(programNamed(g, '枫桥经验')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '党员积分制管理')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '两进两回行动')?.kind).toBe('CAMPAIGN');
    const platform = g.programs.find((p) => p.name.startsWith('村情通'));
    expect(platform?.kind).toBe('PLATFORM');
  });

  it('does not take a priority label, an idea, a figure of speech or a document title for a program', () => {
    expectNoProgram(g, [
      '一号工程',
      '一号',
      '绿水青山就是金山银山',
      '绿水青山',
      '金山银山',
      '领头雁',
      '生态饭',
    ]);
    expect(programNames(g).some((n) => n.includes('若干意见') || n.includes('领头雁'))).toBe(false);
  });

  it('reads the metrics: scaled, approximate, fractions, 两成, and the subject of 从…增长到', () => {
    expect(metricIn(g, '1380万元', '1380万元')).toMatchObject({
      value: 13800000,
      unit: '元',
      subject: '村集体经济收入',
      year: 2023,
    });
    expect(placeOf(g, metricIn(g, '1380万元', '1380万元'))).toBe('余村');
    expect(metricIn(g, '近90万人次', '90万人次')).toMatchObject({
      value: 900000,
      unit: '人次',
      approximate: true,
      subject: '游客',
    });
    expect(metricIn(g, '1.2亿元', '1.2亿元')).toMatchObject({
      value: 120000000,
      unit: '元',
      subject: '资金',
    });
    expect(metricIn(g, '12个', '12个')).toMatchObject({ value: 12, subject: '美丽乡村精品村' });
    expect(metricIn(g, '3万余户', '3万余户')).toMatchObject({
      value: 30000,
      unit: '户',
      approximate: true,
      subject: '农户',
    });
    expect(metricIn(g, '不足2万元', '2万元')).toMatchObject({
      value: 20000,
      approximate: true,
      subject: '村集体资产',
    });
    expect(metricIn(g, '2.9亿元', '2.9亿元')).toMatchObject({ value: 290000000, subject: '村集体资产' });
    expect(placeOf(g, metricIn(g, '2.9亿元', '2.9亿元'))).toBe('鲁家村');
    expect(metricIn(g, '近百名', '百名')).toMatchObject({
      value: 100,
      unit: '名',
      approximate: true,
      subject: '党员',
    });
    expect(metricIn(g, '百分之九十五', '百分之九十五以上')).toMatchObject({
      value: 95,
      unit: '%',
      approximate: true,
      subject: '农户',
    });
    // 深化“最多跑一次”改革，在15个乡镇（街道）建成便民服务中心: the program is in the clause before.
    expect(metricIn(g, '15个', '15个')).toMatchObject({ subject: '乡镇', programKey: null });
    expect(metricIn(g, '98.6%', '98.6%')).toMatchObject({ value: 98.6, subject: '矛盾纠纷就地化解率' });
    const twoTenths = metricIn(g, '两成', '两成');
    expect(twoTenths).toMatchObject({ value: 20, unit: '%' });
    expect(twoTenths.subject).toContain('占比');
  });

  it('takes no ordinal (第3名), year or document number (〔2023〕5号) for a metric', () => {
    expect(g.metrics.filter((m) => m.value === 3 && m.unit === '名')).toEqual([]);
    expect(metricsValued(g, 2023)).toEqual([]);
    expect(metricsValued(g, 5)).toEqual([]);
  });
});

describe('unseen: 山东省 (a province article, 大众日报 2024-01-18)', () => {
  const g = unseen('shandong_province.txt');

  it('reads the header', () => {
    expect(g.document.title).toBe('山东：抓党建促乡村振兴 全省村级组织全面过硬');
    expect(g.document.publishedAt).toBe('2024-01-18');
    expect(g.document.source).toBe('大众日报');
    expect(g.document.authors).toEqual(['王建军', '刘晓东']);
  });

  it('is about the province; its cities hang under it; no village is made of 不少村', () => {
    expect(g.document.mainPlaceKey).toBe('code:370000');
    expect(placeChain(g, '诸城市')).toEqual(['诸城市', '潍坊市', '山东省']);
    for (const c of ['济南市', '青岛市', '临沂市', '烟台市']) expect(placeChain(g, c)).toEqual([c, '山东省']);
    expect(g.places.filter((p) => p.level === 'VILLAGE')).toEqual([]);
  });

  it('reads 省委常委、组织部部长 as two posts', () => {
    expect(postsOf(g, '赵明远')).toEqual([
      { title: '省委常委', target: '山东省委' },
      { title: '组织部部长', target: '山东省委组织部' },
    ]);
    // The byline (记者 王建军 通讯员 刘晓东) names people too (SOURCES.md).
    expect(g.people.map((p) => p.name).sort()).toEqual(['刘晓东', '王建军', '赵明远'].sort());
  });

  it('finds the programs in “”, 「」 and ‘’', () => {
    expect(programNamed(g, '百村示范、千村提升工程')?.kind).toBe('PROJECT');
    expect(programNamed(g, '党史学习教育')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '四下基层')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '四下基层')?.aliases).toContain('‘四下基层’制度');
    expect(programNamed(g, '街巷长制')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '乡村振兴合伙人计划')?.kind).toBe('PROJECT');
    expect(programNamed(g, '红色传承·党员先锋行动')?.kind).toBe('CAMPAIGN');
    expect(programNamed(g, '党建+合作社')?.kind).toBe('MECHANISM');
  });

  it('does not take slogans, theories or figures of speech for programs', () => {
    expectNoProgram(g, [
      '急难愁盼',
      '领头雁',
      '不忘初心、牢记使命',
      '不忘初心',
      '三个代表',
      '乡村振兴合伙人',
    ]);
  });

  it('reads the metrics, with the place that is the subject, not a partner in a list', () => {
    expect(metricIn(g, '8.6万个', '8.6万个')).toMatchObject({
      value: 86000,
      unit: '个',
      subject: '村党组织',
      year: 2023,
    });
    expect(metricIn(g, '近千名', '千名')).toMatchObject({
      value: 1000,
      unit: '名',
      approximate: true,
      subject: '优秀年轻干部',
    });
    expect(metricIn(g, '3.5亿元', '3.5亿元')).toMatchObject({ value: 350000000, subject: '专项资金' });
    expect(metricIn(g, '1200个', '1200个')).toMatchObject({ value: 1200, subject: '村' });
    const talent = metricIn(g, '2300余名', '2300余名');
    expect(talent).toMatchObject({ value: 2300, approximate: true, subject: '人才' });
    expect(placeOf(g, talent)).toBe('青岛市');
    const rate = metricIn(g, '97.3%', '97.3%');
    expect(rate.subject).toBe('村级矛盾纠纷化解率');
    expect(placeOf(g, rate)).toBe('诸城市');
    // 全省与江苏、河南等省份的12个市: 江苏 and 河南 are partners, the province is the subject.
    expect(metricIn(g, '12个', '12个')).toMatchObject({ value: 12, subject: '市' });
    expect(placeOf(g, metricIn(g, '12个', '12个'))).toBe('山东省');
    expect(placeOf(g, metricIn(g, '36期', '36期'))).toBe('山东省');
    expect(placeOf(g, metricIn(g, '3600余个', '3600余个'))).toBe('烟台市');
    expect(metricIn(g, '3600余个', '3600余个').subject).toBe('村');
    expect(metricIn(g, '两成以上', '两成以上')).toMatchObject({ value: 20, unit: '%', approximate: true });
    expect(metricIn(g, '46.8万件', '46.8万件')).toMatchObject({ value: 468000, subject: '实事好事' });
    expect(metricIn(g, '超过九成', '九成')).toMatchObject({ value: 90, unit: '%', approximate: true });
    expect(metricIn(g, '10万元以上', '10万元以上')).toMatchObject({
      value: 100000,
      unit: '元',
      approximate: true,
      year: 2024,
      subject: '集体经济年收入',
    });
  });
});

describe('unseen: 劲松街道 劲松北社区 (a 街道/社区 article, 北京日报 2023-11-06)', () => {
  const g = unseen('chaoyang_community.txt');

  it('reads the header', () => {
    expect(g.document.title).toContain('吹哨报到');
    expect(g.document.title).toContain('老旧小区焕发新颜');
    expect(g.document.publishedAt).toBe('2023-11-06');
    expect(g.document.source).toBe('北京日报');
    expect(g.document.authors).toEqual(['李冰洁', '赵宇航']);
  });

  it('is about 朝阳区 of 北京 (劲松北社区 is not 松北区 of 哈尔滨)', () => {
    expect(g.document.mainPlaceKey).toBe('code:110105');
    expect(placeChain(g, '劲松北社区')).toEqual(['劲松北社区', '劲松街道', '朝阳区', '北京市']);
    expect(placeNamed(g, '劲松北社区').level).toBe('COMMUNITY');
    expect(placeChain(g, '农光里社区')).toEqual(['农光里社区', '劲松街道', '朝阳区', '北京市']);
    expect(g.places.map((p) => p.name)).not.toContain('松北区');
    expect(g.places.map((p) => p.name)).not.toContain('黑龙江省');
  });

  it('reads the organizations and the posts of the street, the community and the district', () => {
    expect(orgNamed(g, '劲松街道党工委')?.kind).toBe('WORK_COMMITTEE');
    expect(orgNamed(g, '劲松北社区党委')?.kind).toBe('PARTY_COMMITTEE');
    expect(postsOf(g, '周丽华')).toEqual([
      { title: '党委书记', target: '劲松北社区党委' },
      { title: '居委会主任', target: '劲松北社区居委会' },
    ]);
    expect(postsOf(g, '郭文彬')).toEqual([{ title: '党工委书记', target: '劲松街道党工委' }]);
    expect(postsOf(g, '王海涛')).toEqual([
      { title: '副区长', target: '朝阳区' },
      { title: '区委常委', target: '朝阳区委' },
    ]);
    expect(g.people).toHaveLength(5); // with the byline's 记者 and 通讯员 (SOURCES.md)
  });

  it('finds the programs', () => {
    const whistle = programNamed(g, '街乡吹哨、部门报到');
    expect(whistle?.kind).toBe('MECHANISM');
    expect(whistle?.aliases).toContain('“街乡吹哨、部门报到”改革');
    expect(programNamed(g, '接诉即办')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '红色物业')?.kind).toBe('PROJECT');
    expect(programNamed(g, '网格党建')?.kind).toBe('MECHANISM');
    // A room is not a program (SOURCES.md: rooms/corners such as 议事厅).
    expect(programNamed(g, '居民议事厅')).toBeUndefined();
  });

  it('does not take a canteen, a volunteer team, a slogan or a description for a program', () => {
    expectNoProgram(g, [
      '老街坊食堂',
      '银发帮帮团',
      '三方联动',
      '小事不出社区、大事不出街道',
      '急难愁盼',
      '吹哨',
    ]);
  });

  it('reads the metrics, 近四成, 六成 and the subject of 由…提高到', () => {
    expect(metricIn(g, '60岁以上', '60岁以上')).toMatchObject({
      value: 60,
      approximate: true,
      subject: '老年人',
    });
    expect(metricIn(g, '近四成', '四成')).toMatchObject({
      value: 40,
      unit: '%',
      approximate: true,
      subject: '老年人占比',
    });
    expect(metricIn(g, '12个', '12个')).toMatchObject({ value: 12, subject: '网格' });
    expect(metricIn(g, '2600余件', '2600余件')).toMatchObject({ approximate: true, subject: '居民诉求' });
    expect(metricIn(g, '99.2%', '99.2%')).toMatchObject({ subject: '办结率' });
    expect(metricIn(g, '15部', '15部')).toMatchObject({ value: 15, unit: '部', subject: '电梯' });
    expect(metricIn(g, '120个', '120个')).toMatchObject({ value: 120, subject: '停车位' });
    expect(metricIn(g, '六成', '六成')).toMatchObject({ value: 60, unit: '%', subject: '居民满意度' });
    expect(metricIn(g, '百分之九十五', '百分之九十五')).toMatchObject({ value: 95, subject: '居民满意度' });
    expect(metricIn(g, '300余名', '300余名')).toMatchObject({ subject: '老人', approximate: true });
    expect(metricIn(g, '186名', '186名')).toMatchObject({ subject: '党员志愿者' });
    expect(metricIn(g, '47个', '47个')).toMatchObject({ subject: '问题' });
    expect(metricIn(g, '14个', '14个')).toMatchObject({ subject: '社区' });
    expect(metricIn(g, '86家', '86家')).toMatchObject({ subject: '驻区单位' });
    const streets = metricIn(g, '43个', '43个');
    expect(streets).toMatchObject({ subject: '街道', programKey: '接诉即办' });
    expect(placeOf(g, streets)).toBe('朝阳区');
  });
});

describe('unseen: 正定县 塔元庄村 (many people and posts, 石家庄日报 2023-09-20)', () => {
  const g = unseen('zhengding_people.txt');

  it('reads the header', () => {
    expect(g.document.title).toBe('正定：县乡村三级书记齐抓共管 塔元庄村走出振兴路');
    expect(g.document.publishedAt).toBe('2023-09-20');
    expect(g.document.source).toBe('石家庄日报');
    expect(g.document.authors).toEqual(['高雅婷', '韩振国']);
  });

  it('is about 正定县; 到塔元庄村调研 names a village; 滹沱河北岸 is no mention of 河北', () => {
    expect(g.document.mainPlaceKey).toBe('code:130123');
    expect(placeChain(g, '塔元庄村')).toEqual(['塔元庄村', '正定县', '石家庄市', '河北省']);
    expect(placeChain(g, '正定镇')).toEqual(['正定镇', '正定县', '石家庄市', '河北省']);
    expect(placeChain(g, '诸福屯街道')).toEqual(['诸福屯街道', '正定县', '石家庄市', '河北省']);
    expect(placeChain(g, '安吉县')).toEqual(['安吉县', '湖州市', '浙江省']);
    expect(placeChain(g, '江阴市')).toEqual(['江阴市', '无锡市', '江苏省']);
    const hebei = g.mentions.find((m) => m.ref.key === 'code:130000');
    expect(hebei?.count).toBe(1); // 河北省石家庄市 only
  });

  it('reads every post: county, town, street, village and 驻村第一书记', () => {
    expect(postsOf(g, '王立新')).toEqual([{ title: '县委书记', target: '正定县委' }]);
    expect(postsOf(g, '孙志强')).toEqual([
      { title: '县委副书记', target: '正定县委' },
      { title: '县长', target: '正定县' },
    ]);
    expect(postsOf(g, '刘红梅')).toEqual([
      { title: '县委常委', target: '正定县委' },
      { title: '组织部部长', target: '正定县委组织部' },
    ]);
    expect(postsOf(g, '张伟')).toEqual([{ title: '党委书记', target: '正定镇党委' }]);
    expect(postsOf(g, '赵敏')).toEqual([{ title: '党工委书记', target: '诸福屯街道党工委' }]);
    expect(postsOf(g, '尹小平')).toEqual([
      { title: '党支部书记', target: '塔元庄村党支部' },
      { title: '村委会主任', target: '塔元庄村村委会' },
    ]);
    expect(postsOf(g, '马骁')).toEqual([{ title: '驻村第一书记', target: '塔元庄村' }]);
    expect(g.people.map((p) => p.name).sort()).toEqual(
      // with the byline's 记者 高雅婷 and 通讯员 韩振国 (SOURCES.md)
      ['刘红梅', '孙志强', '尹小平', '张伟', '王立新', '赵敏', '马骁', '高雅婷', '韩振国'].sort(),
    );
    expect(orgNamed(g, '诸福屯街道党工委')?.kind).toBe('WORK_COMMITTEE');
    expect(orgNamed(g, '正定县委组织部')?.kind).toBe('PARTY_COMMITTEE'); // SOURCES.md: departments are PARTY_COMMITTEE
  });

  it('finds the programs, not the priority label “一把手”工程', () => {
    expect(programNamed(g, '头雁领航工程')?.kind).toBe('PROJECT');
    expect(programNamed(g, '四议两公开')?.kind).toBe('MECHANISM');
    expect(programNamed(g, '红色议事厅')).toBeUndefined();
    expect(programNamed(g, '一线工作法')?.kind).toBe('MECHANISM');
    expectNoProgram(g, ['一把手工程', '一把手', '两委']);
  });

  it('reads the metrics and their places (the villages trained elsewhere are no subject)', () => {
    const households = metricIn(g, '1200余户', '1200余户');
    expect(households).toMatchObject({ value: 1200, unit: '户', approximate: true, subject: '村民' });
    expect(placeOf(g, households)).toBe('塔元庄村');
    expect(metricIn(g, '360万元', '360万元')).toMatchObject({
      value: 3600000,
      subject: '村集体收入',
      year: 2022,
    });
    expect(metricIn(g, '300余名', '300余名')).toMatchObject({ subject: '村民' });
    expect(metricIn(g, '174名', '174名')).toMatchObject({ subject: '村党组织书记' });
    expect(placeOf(g, metricIn(g, '174名', '174名'))).toBe('正定县');
    expect(metricIn(g, '56名', '56名')).toMatchObject({ subject: '优秀干部' });
    expect(placeOf(g, metricIn(g, '56名', '56名'))).toBe('正定县');
    expect(metricIn(g, '从百分之八十', '百分之八十')).toMatchObject({ value: 80, subject: '群众满意率' });
    expect(metricIn(g, '百分之九十八', '百分之九十八')).toMatchObject({ value: 98, subject: '群众满意率' });
    expect(placeOf(g, metricIn(g, '19个', '19个'))).toBe('正定镇');
    expect(metricIn(g, '3000余户', '3000余户')).toMatchObject({ subject: '居民', approximate: true });
    expect(placeOf(g, metricIn(g, '3000余户', '3000余户'))).toBe('诸福屯街道');
    expect(metricIn(g, '百分之九十以上', '百分之九十以上')).toMatchObject({
      value: 90,
      approximate: true,
      subject: '村党组织',
      year: 2025,
    });
    expect(metricsValued(g, 2023)).toEqual([]);
    expect(metricsValued(g, 5)).toEqual([]);
  });
});

describe('unseen: invariants', () => {
  it.each(['anji_county.txt', 'shandong_province.txt', 'chaoyang_community.txt', 'zhengding_people.txt'])(
    '%s: every evidence quote is the text at its offsets, every relation links entities of the document',
    (file) => {
      const g = unseen(file);
      const keys = new Set([
        ...g.places.map((e) => `Place|${e.key}`),
        ...g.organizations.map((e) => `Organization|${e.key}`),
        ...g.programs.map((e) => `Program|${e.key}`),
        ...g.people.map((e) => `Person|${e.key}`),
        ...g.metrics.map((e) => `Metric|${e.key}`),
      ]);
      for (const e of [
        ...g.places.map((x) => x.evidence),
        ...g.programs.map((x) => x.evidence),
        ...g.people.map((x) => x.evidence),
        ...g.metrics.map((x) => x.evidence),
        ...g.relations.map((x) => x.evidence),
      ]) {
        expect(g.text.slice(e.start, e.end)).toBe(e.quote);
      }
      for (const r of g.relations) {
        expect(keys.has(`${r.from.label}|${r.from.key}`)).toBe(true);
        expect(keys.has(`${r.to.label}|${r.to.key}`)).toBe(true);
      }
      for (const p of g.programs) expect(p.aliases).not.toContain(p.name);
    },
  );
});

describe('the same program gets one key in every article that names it', () => {
  it('党史学习教育 is a campaign wherever it is named (000, 002, 003 and the 山东 article)', () => {
    for (const g of [graphOf('000'), graphOf('002'), graphOf('003'), unseen('shandong_province.txt')]) {
      expect(programNamed(g, '党史学习教育')?.kind).toBe('CAMPAIGN');
    }
    for (const prefix of ['001', '004'])
      expect(programNamed(graphOf(prefix), '党史学习教育')).toBeUndefined();
  });

  it('“四议两公开”议事决策制度 (001) and “四议两公开”制度 (正定) are one program', () => {
    expect(programNamed(graphOf('001'), '四议两公开')).toBeDefined();
    expect(programNamed(unseen('zhengding_people.txt'), '四议两公开')).toBeDefined();
  });
});

describe('bundled articles: the weaknesses these rules fixed', () => {
  it('000: 4类人员占比达到99.8% counts 人员占比, not 员占比', () => {
    expect(metricIn(graphOf('000'), '99.8%', '99.8%').subject).toBe('人员占比');
  });

  it('001: 平均年龄由此前的50多岁降至43岁 measures 平均年龄, not 多岁', () => {
    const g = graphOf('001');
    expect(metricIn(g, '43岁', '43岁').subject).toBe('平均年龄');
    expect(metricIn(g, '50多岁', '50多岁').subject).toBe('平均年龄');
    expect(metricIn(g, '6.5万元', '6.5万元').subject).toBe('集体收入');
  });

  it('drops activities, event titles, slogans and descriptions (走访调研, 办理反馈, 童心向党·致敬百年 …)', () => {
    expect(programNamed(graphOf('002'), '走访调研')).toBeUndefined();
    expect(programNamed(graphOf('002'), '童心向党·致敬百年')).toBeUndefined();
    expect(programNamed(graphOf('003'), '党旗在基层一线高高飘扬')).toBeUndefined();
    expect(programNamed(graphOf('004'), '走访调研')).toBeUndefined();
    expect(programNamed(graphOf('004'), '办理反馈')).toBeUndefined();
    for (const prefix of ['000', '004']) {
      expect(programNames(graphOf(prefix)).filter((n) => n.includes('护城河党建示范村'))).toEqual([]);
    }
  });

  it('004: a metric takes the place that is its subject, not a partner or a modifier', () => {
    const g = graphOf('004');
    // 联合北京市通州区、大兴区及天津市武清区设立协同发展教学点25个
    expect(placeOf(g, metricIn(g, '25个', '25个'))).toBe('廊坊市');
    // 在全市70个环北京村街 … 先后投入2.1亿元
    expect(placeOf(g, metricIn(g, '2.1亿元', '2.1亿元'))).toBe('廊坊市');
    // 在全省率先成立外卖…党委 … 建立27个新业态企业党组织
    expect(placeOf(g, metricIn(g, '27个', '27个'))).toBe('廊坊市');
  });
});

describe('the general rules, on short texts', () => {
  const extract = (text: string): DocumentGraph => extractDocument(cleanFromString(text));

  it('does not read kinds of villages as village names (省级示范村, 少数民族村, 网格化社区 …)', () => {
    const g = extract(
      '河北省石家庄市正定县推进工作。到后进村、在省级示范村、在少数民族村、在易地搬迁社区、在网格化社区、' +
        '到相邻村、在美丽宜居村、在传统古村，其余村民也参与；在西柏坡村调研，走进李家庄村。',
    );
    expect(
      g.places
        .filter((p) => p.level === 'VILLAGE' || p.level === 'COMMUNITY')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['李家庄村', '西柏坡村'].sort());
  });

  it('counts bare 区委/区长 for the main place and gives 镇长 the town named before', () => {
    const g = extract(
      '江苏省南京市鼓楼区宁海路街道推进治理。市委常委、区委书记刘伟出席，区委副书记、区长孙丽主持，全区推广经验。',
    );
    expect(g.document.mainPlaceKey).toBe('code:320106');
    expect(postsOf(g, '刘伟')).toEqual([
      { title: '区委书记', target: '鼓楼区委' },
      { title: '市委常委', target: '南京市委' },
    ]);
    const h = extract('河北省邢台市威县推进工作。赵村镇党委书记孙强、镇长周敏带领干部深入各村。');
    expect(postsOf(h, '周敏')).toEqual([{ title: '镇长', target: '赵村镇' }]);
  });

  it('reads X长制, 积分制管理, 改革, 计划 and 经验 names, and not their everyday uses', () => {
    const g = extract(
      '杭州市全面推行河长制、林长制，推行积分制管理，深化“放管服”改革，实施“雏鹰”计划，总结“浦江经验”，' +
        '推广“千万工程”经验。经济增长制约因素多，制定工作计划，学习先进经验，推进农村集体产权制度改革。',
    );
    expect(programNames(g).sort()).toEqual(
      ['千万工程', '放管服', '林长制', '河长制', '浦江经验', '积分制管理', '雏鹰计划'].sort(),
    );
    expect(programNamed(g, '千万工程')?.kind).toBe('PROJECT');
  });

  it('drops teams, events, slogans and places-to-be-built named after a verb', () => {
    const g = extract(
      '某县组建“红色物业”联盟，建立“红色代办”服务队，开展“红色文艺进万家”巡演，开展“党员在身边”活动，' +
        '打造“党建示范村”，健全街道“大工委”，实施民生工程。',
    );
    expect(g.programs).toEqual([]);
  });

  it('reads 近千名, 上万人, 两成, the subject of a comparison, but not 千家万户 or 三五成群', () => {
    const g = extract(
      '全县近千名党员、上万人参与，千家万户受益，三五成群的群众，农户增收两成，平均年龄较换届前下降5.2岁。',
    );
    expect(g.metrics.map((m) => [m.text, m.value, m.unit])).toEqual([
      ['千名', 1000, '名'],
      ['万人', 10000, '人'],
      ['两成', 20, '%'],
      ['5.2岁', 5.2, '岁'],
    ]);
    expect(g.metrics.find((m) => m.text === '5.2岁')?.subject).toBe('平均年龄');
  });
});
