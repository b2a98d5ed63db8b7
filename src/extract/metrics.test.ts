/**
 * Metric rules on sentences of the genre written for the purpose, one per class of number the
 * extractor must read (or leave alone): the year that governs a number, what is counted, which
 * numbers are no metric.
 */
import { extractDocument } from '.';
import { cleanFromString } from './testing/clean';
import type { DocumentGraph, MetricEntity } from './types';

function extract(text: string): DocumentGraph {
  return extractDocument(cleanFromString(text));
}

function metric(g: DocumentGraph, written: string): MetricEntity {
  const found = g.metrics.filter((m) => m.text === written);
  if (found.length !== 1) throw new Error(`expected one metric ${written}, got ${found.length}`);
  return found[0] as MetricEntity;
}

const DATED = '某县推进农村党建\n发布时间：2022-08-01 09:00\n';

describe('metric years', () => {
  it('gives a present-tense statement of a dated text the text’s year', () => {
    const g = extract(`${DATED}目前，全县已建成党群服务中心45个。`);
    expect(metric(g, '45个').year).toBe(2022);
  });

  it('takes the year the paragraph names, until a present-tense word comes back to now', () => {
    const g = extract(`${DATED}2010年，这个村还是有名的穷村，全村只有12名党员。如今，村里开起了8家农家乐。`);
    expect(metric(g, '12名').year).toBe(2010);
    expect(metric(g, '8家').year).toBe(2022);
  });

  it('does not take a starting point (以来) or a comparison baseline for the number’s year', () => {
    const g = extract(`${DATED}2016年以来，全镇累计培训党员3200人次，村集体收入比2019年增加15万元。`);
    expect(metric(g, '3200人次').year).toBe(2022);
    expect(metric(g, '15万元').year).toBe(2022);
  });

  it('leaves an undated text’s numbers without a year unless the sentence names one', () => {
    const g = extract('某镇党建工作纪实\n全镇共有党员460名。2019年，全镇新建活动室6个。');
    expect(metric(g, '460名').year).toBeNull();
    expect(metric(g, '6个').year).toBe(2019);
  });

  it('gives a norm (至少, 原则上) no year', () => {
    const g = extract(`${DATED}文件要求，每个村每年至少开展2次集中宣讲，活动室面积原则上不少于80平方米。`);
    expect(metric(g, '2次').year).toBeNull();
    expect(metric(g, '80平方米').year).toBeNull();
  });

  it('does not read a year from an amount or a title', () => {
    const g = extract(
      '某市党群服务阵地建设\n全市建成面积2000平方米以上的中心8个。按照《2018年基层党建要点》，新建站点30个。',
    );
    expect(metric(g, '8个').year).toBeNull();
    expect(metric(g, '30个').year).toBeNull();
  });
});

describe('which numbers are metrics', () => {
  it('reads a number with a space before its unit (a page’s typesetting)', () => {
    const g = extract('某商圈党建\n商圈入驻企业近300 家、员工超5000 人。');
    expect(metric(g, '300 家')).toMatchObject({ value: 300, unit: '家' });
    expect(metric(g, '5000 人')).toMatchObject({ value: 5000, unit: '人' });
  });

  it('reads incidents (起), temperatures (℃) and durations in years', () => {
    const g = extract(
      '某村纪实\n全年调解邻里纠纷35起。清晨气温只有2℃。老支书扎根山村30年，连续8年被评为先进。',
    );
    expect(metric(g, '35起')).toMatchObject({ value: 35, unit: '起' });
    expect(metric(g, '2℃')).toMatchObject({ value: 2, unit: '℃' });
    expect(metric(g, '30年')).toMatchObject({ value: 30, unit: '年' });
    expect(metric(g, '8年')).toMatchObject({ value: 8, unit: '年' });
  });

  it('takes no year, relative time, decade or figure of speech in 年 for a duration', () => {
    const g = extract(
      '某村纪实\n2018年，村里修了路。6年前这里还是荒地，上世纪80年代建起小学，百年老街焕发新生。',
    );
    expect(g.metrics.filter((m) => m.unit === '年')).toEqual([]);
  });

  it('counts a bare 万/千 before a measure of plants or land, not in a pair of scale words', () => {
    const g = extract('某镇纪实\n山坡上万株茶树吐绿，千家万户喜迎丰收。');
    expect(metric(g, '万株')).toMatchObject({ value: 10000, unit: '株' });
    expect(g.metrics.filter((m) => m.unit === '家' || m.unit === '户')).toEqual([]);
  });

  it('drops Chinese-numeral small counts without a scale word, keeps those with one', () => {
    const g = extract('某社区纪实\n社区把问题分为三类，办好两件实事，近千名居民受益，投入两万余元。');
    expect(g.metrics.map((m) => m.text).sort()).toEqual(['两万余元', '千名']);
    expect(metric(g, '千名').value).toBe(1000);
  });

  it('takes no issue number of a journal (2021年3期)', () => {
    const g = extract('某刊物文章\n《党建研究》2021年3期\n全县建成示范点12个。');
    expect(g.metrics.map((m) => m.text)).toEqual(['12个']);
  });

  it('takes nothing from a line of |-separated keywords', () => {
    const g = extract('热门|免费视频58分钟|精品推荐|下载\n某村党建\n全村共有党员46名。');
    expect(g.metrics.map((m) => m.text)).toEqual(['46名']);
  });
});
