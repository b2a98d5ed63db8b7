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
});
