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

  it('does not carry a change’s start year to its end or to later sentences', () => {
    const g = extract(`${DATED}群众满意度由2019年的71%提升至96.3%。全县投入资金1.8亿元改造老旧小区。`);
    expect(metric(g, '71%').year).toBe(2019);
    expect(metric(g, '96.3%').year).toBe(2022);
    expect(metric(g, '1.8亿元')).toMatchObject({ year: 2022, subject: '资金' });
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

  it('counts a bare scale word rounded with 余/多 (千余名, 万余元)', () => {
    const g = extract('某镇纪实\n千余名志愿者参与服务，筹集善款万余元。');
    expect(metric(g, '千余名')).toMatchObject({ value: 1000, subject: '志愿者', approximate: true });
    expect(metric(g, '万余元')).toMatchObject({ value: 10000, subject: '善款' });
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

describe('what a metric counts (subject)', () => {
  it('cuts a long counted phrase where a word ends, not inside one', () => {
    const g = extract('某区推进党建\n在区级层面设立1个区域化党建工作联席会议平台，作为议事机构。');
    const subject = metric(g, '1个').subject ?? '';
    expect(subject.startsWith('区域化党建')).toBe(true);
    expect(subject.endsWith('平')).toBe(false);
  });

  it('ends the noun read after the number where a predicate starts', () => {
    const g = extract('某区纪实\n全区把120个老旧小区分成三档管理，每天有300多名骑手穿梭于大街小巷。');
    expect(metric(g, '120个').subject).toBe('老旧小区');
    expect(metric(g, '300多名').subject).toBe('骑手');
  });

  it('keeps a compound noun whole when a noun follows its verb or a noun suffix ends it', () => {
    const g = extract(
      '某市纪实\n全市明确38项村级组织履行职责事项，建成26个流动党员示范服务站和9个基层学习点，' +
        '全市312个市场监管所全部建立党组织，举办百场文艺演出、百场乡村电影展映等活动。',
    );
    expect(metric(g, '38项').subject).toBe('村级组织履行职责事项');
    expect(metric(g, '26个').subject).toBe('流动党员示范服务站');
    expect(metric(g, '9个').subject).toBe('基层学习点');
    expect(metric(g, '312个').subject).toBe('市场监管所');
  });

  it('leaves the adverb and the verb it introduces out of a noun read before the number', () => {
    const g = extract('某街道纪实\n截至目前，该活动已开展15场，用房面积原则上均不少于800平方米、500平方米。');
    expect(metric(g, '15场').subject).toBe('活动');
    expect(metric(g, '800平方米').subject).toBe('用房面积');
    expect(metric(g, '500平方米').subject).toBe('用房面积'); // a later member of the list
  });

  it('gives an age the subject 年龄, never the name of the person', () => {
    const g = extract(
      '某村纪实\n今年已91岁高龄的老党员王德福见证了村子的变化。76岁独居老人李桂兰一到冬天就犯愁。',
    );
    expect(metric(g, '91岁').subject).toBe('年龄');
    expect(metric(g, '76岁').subject).toBe('年龄');
  });

  it('gives an age threshold the people right after it', () => {
    const g = extract('某村纪实\n村里为70岁以上老人配备了取暖器。');
    expect(metric(g, '70岁以上').subject).toBe('老人');
  });

  it('names a duration by what lasted, not by the leftover of its unit', () => {
    const g = extract('某镇纪实\n工业园开发建设5年多来，园区面貌一新。工作队在村里驻扎了2个多月。');
    expect(metric(g, '5年').subject).toBe('工业园开发建设');
    expect(metric(g, '2个多月')).toMatchObject({ value: 2, unit: '个月', approximate: true });
    expect(metric(g, '2个多月').subject).not.toBe('多月');
  });

  it('names an amount by its money verb when no noun does', () => {
    const g = extract('某村纪实\n合作社累计投入800余万元，全村每户增收3200元。');
    expect(metric(g, '800余万元').subject).toBe('投入');
    expect(metric(g, '3200元').subject).toBe('增收');
  });

  it('reads a quoted noun before the number, across a stray space', () => {
    const g = extract('某县纪实\n全县评出“五星党支部”36个，共组建“双强”企业党组织 215个。');
    expect(metric(g, '36个').subject).toBe('五星党支部');
    expect(metric(g, '215个').subject).toBe('双强企业党组织');
  });

  it('reads a noun that a stop word opens (培训班, 覆盖率), not a verb alone', () => {
    const g = extract('某县纪实\n先后举办96期培训班，村卫生室实现了100%的覆盖率。');
    expect(metric(g, '96期').subject).toBe('培训班');
    expect(metric(g, '100%').subject).toBe('覆盖率');
  });

  it('skips a 以…为主的 description and a pinyin annotation before the noun', () => {
    const g = extract(
      '某区纪实\n全区2000余名以网约车司机、货车司机为主的新业态从业人员，陆续加入工会。并细化4个(ge) 方面9项具体(ti) 任(ren) 务。',
    );
    expect(metric(g, '2000余名').subject).toBe('新业态从业人员');
    expect(metric(g, '4个').subject).toBe('方面');
    expect(metric(g, '9项').subject).toBe('具体任务');
  });

  it('keeps the noun before 的 when nothing countable follows it', () => {
    const g = extract('某村纪实\n坐在礼堂里的200多位群众心头热乎乎的——颁奖仪式开始了。');
    expect(metric(g, '200多位').subject).toBe('群众');
  });

  it('names an amount right after a money verb by that verb, and a long run of nouns whole', () => {
    const g = extract(
      '某镇纪实\n通过两个合作社“共富工程”增收30余万元。全区建成镇级退役军人服务中心5个，志愿者在驿站内提供12小时服务。',
    );
    expect(metric(g, '30余万元').subject).toBe('增收');
    expect(metric(g, '5个').subject).toBe('镇级退役军人服务中心');
    expect(metric(g, '12小时').subject).toBe('驿站');
  });

  it('reads a one-character head of a 的 phrase, and no locality word, as the noun', () => {
    const g = extract('某县纪实\n全县集体经济收入20万元以上的村达到64个，计划在3年内实现全覆盖。');
    expect(metric(g, '64个').subject).toBe('村');
    expect(metric(g, '3年').subject).toBeNull();
  });

  it('names no duration by an adverb of duration, and reads 每次 as a rate', () => {
    const g = extract('某县纪实\n该县连续4年获评先进县，每次活动时长约90分钟。');
    expect(metric(g, '4年').subject).toBeNull();
    expect(metric(g, '90分钟').subject).toBe('活动时长');
  });

  it('names a counted event by its verbal noun and a rate per person by its noun', () => {
    const g = extract('某县纪实\n全县18个乡镇已开展集中宣讲42场，每人费用从80元降至50元。');
    expect(metric(g, '42场').subject).toBe('集中宣讲');
    expect(metric(g, '80元').subject).toBe('费用');
  });
});

describe('ranges', () => {
  it('keeps both ends of a range, in the same unit and scale', () => {
    const g = extract('某镇纪实\n每个网格覆盖300—500户居民，每年补助3至5万元。');
    expect(metric(g, '300—500户')).toMatchObject({ value: 300, unit: '户', approximate: true });
    expect(metric(g, '500户')).toMatchObject({ value: 500, unit: '户', approximate: true });
    expect(metric(g, '3至5万元')).toMatchObject({ value: 30000, unit: '元' });
    expect(metric(g, '5万元')).toMatchObject({ value: 50000, unit: '元' });
  });

  it('reads no range from ranks, clock times or spans of years', () => {
    const g = extract('某镇纪实\n第3-5名获奖。上午9:00-11:00开放。2019-2021年连续获奖。');
    expect(g.metrics).toEqual([]);
  });
});

describe('what a metric measures (program)', () => {
  it('attaches a metric to a program only when its own clause names it', () => {
    const g = extract(
      '某县纪实\n某县推行“院坝说事”机制，全县建成议事点120个；通过“院坝说事”机制化解矛盾纠纷260起。',
    );
    expect(metric(g, '120个').programKey).toBeNull();
    expect(metric(g, '260起').programKey).toBe('院坝说事');
  });
});
