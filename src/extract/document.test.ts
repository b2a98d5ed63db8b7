/**
 * Document info (title, publication day, outlet) on short headers written for the purpose,
 * one per form of page header the rules read.
 */
import { extractDocument } from '.';
import { datesIn } from './document';
import { cleanFromString } from './testing/clean';
import type { DocumentInfo } from './types';

function info(text: string): DocumentInfo {
  return extractDocument(cleanFromString(text)).document;
}

describe('publication day', () => {
  it('reads a labelled date with its clock time and reading counter', () => {
    const d = info(
      '某镇推行积分管理\n发布时间：2021-04-08 09:12:30 来源：本站 阅读次数：812\n正文说明一件事。',
    );
    expect(d.publishedAt).toBe('2021-04-08');
  });

  it('reads a day-first date (DD.MM.YYYY) that opens a line', () => {
    const d = info('县委组织部到企业调研党建工作\n\n08.03.2016  10:05\n\n3月7日，调研组来到开发区。');
    expect(d.publishedAt).toBe('2016-03-08');
  });

  it('reads a date inside a bracketed info bar', () => {
    const d = info('“红色管家”进小区\n[ 字体：  时间：2020-06-02 14:40  稿源：区委组织部 ]\n正文第一段。');
    expect(d.publishedAt).toBe('2020-06-02');
  });

  it('reads a date after the outlet and before a clock time and a URL', () => {
    const d = info('村集体经济增收记\n来源：某某日报 2018-10-09 08:30   https://www.example.com/\n正文。');
    expect(d.publishedAt).toBe('2018-10-09');
  });

  it('reads a spaced 年 月 日 line of an e-paper with its weekday', () => {
    const d = info('第005版：要闻\n上一版 下一版\n2020 年 03 月 16 日 星期一 放大 缩小\n某县推进网格化治理');
    expect(d.publishedAt).toBe('2020-03-16');
  });

  it('reads a date that opens a line followed by a garbled source label', () => {
    const d = info('某市召开两新组织党建现场会\n2014-05-20 (à′?′: 某某信息中心)\n正文。');
    expect(d.publishedAt).toBe('2014-05-20');
  });

  it.each([
    ['日期：[2016/10/14]', '2016-10-14'],
    ['2018-03-21 06:58:00', '2018-03-21'],
    ['2020年05月15日 10:20 某某网', '2020-05-15'],
    ['来源：某某网-《某某日报》时间：2021-12-22', '2021-12-22'],
  ])('reads the header line %s', (line, day) => {
    expect(info(`某地新闻标题一则\n${line}\n正文。`).publishedAt).toBe(day);
  });

  it('completes a dispatch day by the years the text counts since a dated event', () => {
    // 1988年 + 35年来 → 2023: the dispatch was written in 2023.
    const d = info('某镇的老经验\n某某日报南昌3月8日讯 1988年，某镇首创“板凳会”。35年来，这一做法不断发展。');
    expect(d.publishedAt).toBe('2023-03-08');
  });

  it('leaves a dispatch day without a year when the text only mentions years', () => {
    const d = info('某镇的新变化\n某某日报南昌3月8日讯 2019年，某镇修通了公路。2021年又建起了广场。');
    expect(d.publishedAt).toBeNull();
  });

  it('leaves a date of the running text alone', () => {
    const d = info('某村的新变化\n2021年6月3日，记者来到某村，看到新修的道路。');
    expect(d.publishedAt).toBeNull();
  });
});

describe('datesIn', () => {
  it('finds year-first and day-first days and skips a month without a day', () => {
    expect(datesIn('2019年05月15日 与 17.06.2015 与 2020年5月').map((d) => d.iso)).toEqual([
      '2019-05-15',
      '2015-06-17',
    ]);
  });

  it('reads year, month/day and a clock time as one day, but not a year before a fraction', () => {
    expect(datesIn('2025 09/22 18:06:28').map((d) => d.iso)).toEqual(['2025-09-22']);
    expect(datesIn('共2025 3/4 的人')).toEqual([]);
  });
});

describe('headline', () => {
  it('skips a furniture row, a navigation row and a keyword line', () => {
    expect(info('新闻号 手机版| 站内搜索\n违法和有害信息举报\n“院坝议事会”解开群众心结\n正文。').title).toBe(
      '“院坝议事会”解开群众心结',
    );
    expect(info('今日甲市 今日乙县 今日丙县 今日丁区\n某区党建引领物业管理\n正文。').title).toBe(
      '某区党建引领物业管理',
    );
    expect(info('热门|免费下载|精品推荐|在线观看\n“三个清单”压实基层责任\n正文。').title).toBe(
      '“三个清单”压实基层责任',
    );
  });

  it('skips an app banner, a masthead with its motto and a byline', () => {
    expect(info('APP下载\n打造有“温度”的园区党建\n正文。').title).toBe('打造有“温度”的园区党建');
    expect(info('某某新闻网——省内权威综合门户\n某县推行“村民说事”\n正文。').title).toBe('某县推行“村民说事”');
    expect(info('记者 王小明 通讯员 李华\n小区处于闹市中心，环境老旧。').title).toBe(
      '小区处于闹市中心，环境老旧。',
    );
  });

  it('takes the display headline after a former one and drops a column tag', () => {
    const d = info('原标题：某省“千人培训”两年培训书记3000名\n让“带头人”本领更强(特别关注)\n正文。');
    expect(d.title).toBe('让“带头人”本领更强');
  });

  it('drops a 标题 label', () => {
    expect(info('标题：某村的产业路\n时间：2020/08/09\n正文。').title).toBe('某村的产业路');
  });

  it('drops the dispatch line before a headline', () => {
    const d = info('新华社南宁7月4日电 题：边境村寨的“红色管家”\n正文第一段。');
    expect(d.title).toBe('边境村寨的“红色管家”');
    expect(d.source).toBe('新华社');
  });

  it('takes this article’s headline from an e-paper title bar that joins two', () => {
    const d = info(
      '某县 五招壮大集体经济某某集团荣获行业大奖\n上一版 下一版\n某县 五招壮大集体经济\n某某集团荣获行业大奖\n正文。',
    );
    expect(d.title).toBe('某县 五招壮大集体经济');
  });
});

describe('source', () => {
  it('takes the outlet a 来源 or 稿源 label names, the first of a pair, not 本站', () => {
    expect(info('标题一则新闻稿件\n来源：某某日报-某某网\n正文。').source).toBe('某某日报');
    expect(info('标题一则新闻稿件\n[ 时间：2022-11-29 15:24  稿源：区委组织部 ]\n正文。').source).toBe(
      '区委组织部',
    );
    expect(info('标题一则新闻稿件\n发布时间：2022-09-13 来源：本站\n正文。').source).toBeNull();
  });

  it('cuts a date the source label swallowed and prefers the name in 《》', () => {
    const d = info('标题一则新闻稿件\n来源：光明网-《光明日报》时间：2021-12-22\n正文。');
    expect(d.source).toBe('光明日报');
    expect(d.publishedAt).toBe('2021-12-22');
  });

  it('takes the outlet of a dispatch line, not a copyright notice', () => {
    const d = info(
      '市县亮点\n某某报业网讯 (张三 李四)不久前，某村开展了一场特别的主题党日。\n来源：版权归原作者所有，如有侵权请联系删除。',
    );
    expect(d.source).toBe('某某报业网');
  });

  it('takes a journal from its issue line, a garbled bracketed label and a masthead row', () => {
    expect(info('标题一则新闻稿件\n党的建设(某省) 2021年3期\n正文。').source).toBe('党的建设(某省)');
    expect(info('标题一则新闻稿件\n2014-05-20 (à′?′: 某某网信息中心)\n正文。').source).toBe('某某网信息中心');
    expect(info('标题一则新闻稿件\n某某日报 | 某某日报农村版 | 某某科技报\n正文。').source).toBe('某某日报');
  });
});
