import { classifyLines, type FurnitureRule, type LineVerdict } from './furniture';

const ruleOf = (v: LineVerdict | undefined): FurnitureRule | 'keep' => (v?.kind === 'drop' ? v.rule : 'keep');
/** The verdict on `line` when it sits in the middle of an ordinary article. */
function verdict(line: string): FurnitureRule | 'keep' {
  const body = ['标题', '2021-06-07 10:02:52 来源：河北新闻网', '正文第一段。'];
  return ruleOf(classifyLines([...body, line, '正文最后一段。'])[body.length]);
}

describe('classifyLines: furniture lines', () => {
  it.each<[string, FurnitureRule]>([
    ['扫码阅读手机版', 'ui'],
    ['分享：', 'ui'],
    ['返回目录 放大缩小全文复制', 'ui'],
    ['【打印本页】【关闭窗口】', 'ui'],
    ['字号：大 中 小', 'ui'],
    ['- 最新福州新闻 频道推荐', 'ui'],
    ['-', 'no-words'],
    ['关键词：河北，社区', 'keywords'],
    ['Copyright © 2021 河北新闻网 All Rights Reserved', 'copyright'],
    ['未经授权禁止转载', 'copyright'],
    ['凡注有“河北新闻网”电头的所有作品，版权均为本网站所有。未经许可不得转载、摘编。', 'copyright'],
    ['河北频道 > 全景河北', 'breadcrumb'],
    ['当前位置：首页 > 新闻 > 正文', 'breadcrumb'],
    ['第19版：全域党建·廊坊市', 'page-label'],
    ['已有0人发表了评论', 'comments'],
    ['评论(0)', 'comments'],
    ['12条评论', 'comments'],
    ['相关新闻', 'related-heading'],
  ])('%s → %s', (line, rule) => {
    expect(verdict(line)).toBe(rule);
  });
});

describe('classifyLines: content that stays', () => {
  it.each([
    '2021-06-07 10:02:52 来源：河北新闻网',
    '（河北日报记者 解丽达 孟宪峰 通讯员 周禹佳）',
    // Editors and proof-readers are people with a post (read by the extractor).
    '责任编辑：李瑾',
    '（编辑：张三 校对：李四）',
    '廊坊市广阳区吉兴社区志愿者看望八旬老人，和他们促膝谈心。河北日报记者 赵永辉摄',
    '扎实开展版权保护工作，严厉打击侵权盗版行为。',
    '对违规者依法追究法律责任，确保制度落地。',
    '人民日报评论员文章',
    '本报讯 这篇报道被多家媒体转载。',
    '增长率 > 5%',
    '坚持新业态党组织与党的工作“一张网”覆盖，推动分享经济健康发展。',
  ])('%s', (line) => {
    expect(verdict(line)).toBe('keep');
  });
});

describe('classifyLines: by position', () => {
  it('drops a related-news list: a heading and the headlines under it, or dated headlines', () => {
    const lines = ['正文。', '通讯员 陈薇宇', '相关新闻', '福州党员队伍建设呈现蓬勃生机', '旗山湖下闸蓄水'];
    expect(classifyLines(lines).map(ruleOf)).toEqual([
      'keep',
      'keep',
      'related-heading',
      'related-list',
      'related-list',
    ]);
    const dated = [
      '正文。',
      '- 福州集体土地建设租赁住房试点工作再推进2021-07-01',
      '雨水过后，福州七月将以高温开场2021-06-30',
      '2021年福州初三市质检分数段统计表公布 2021-07-01 09:30',
      '结尾。',
    ];
    expect(classifyLines(dated).map(ruleOf)).toEqual([
      'keep',
      'related-list',
      'related-list',
      'related-list',
      'keep',
    ]);
  });

  it('keeps a dateline that ends with a date', () => {
    const lines = ['标题', '来源：河北日报 2023-05-27', '正文。', '本网讯 2023-05-28', '正文二。'];
    expect(classifyLines(lines).map(ruleOf)).toEqual(['keep', 'keep', 'keep', 'keep', 'keep']);
  });

  it('drops a section label above the headline, not the headline itself', () => {
    const lines = [
      '廊坊新闻河北日报廊坊专辑',
      '燕赵新答卷·廊坊篇 | 夯基铸魂',
      '2021-06-07 10:02:52 来源：河北新闻网',
      '正文。',
    ];
    expect(classifyLines(lines).map(ruleOf)).toEqual(['header-label', 'keep', 'keep', 'keep']);
    const onlyHeadline = ['党史学习教育专题', '2021-06-07 来源：河北新闻网', '正文。'];
    expect(classifyLines(onlyHeadline).map(ruleOf)).toEqual(['keep', 'keep', 'keep']);
  });

  it('drops a navigation row or a keyword line of bars above the article, not a byline or a two-part headline', () => {
    const lines = [
      '今日南平 今日建阳 今日邵武 今日武夷山',
      '首页 新闻 政务 民生 文化 视频',
      '某某网站入口|在线视频免费看|明星换脸|某某传媒招人吗|下载免费看，更多精彩',
      '记者 张明 李华 王强 赵亮',
      '积分制激活乡村治理 某村“小积分”换来大变化',
      '正文。',
    ];
    expect(classifyLines(lines).map(ruleOf)).toEqual([
      'navigation',
      'navigation',
      'navigation',
      'keep',
      'keep',
      'keep',
    ]);
  });

  it('drops short lines after the last sentence, but keeps author lines there', () => {
    const lines = ['正文。', '本报记者聂资滨', '电子报', '进入视频频道最新视频', '一周看点'];
    expect(classifyLines(lines).map(ruleOf)).toEqual(['keep', 'keep', 'ui', 'ui', 'tail']);
  });

  it('keeps a line without its bullet, with its trailing editor credit (a byline with a title)', () => {
    const line = '■ 大抓基层，增强基层党组织政治功能。（责任编辑：赵睿）';
    const v = classifyLines([line])[0];
    expect(v?.kind === 'keep' && line.slice(v.start, v.end)).toBe(
      '大抓基层，增强基层党组织政治功能。（责任编辑：赵睿）',
    );
  });

  it('drops the keywords of a keyword line but keeps the editor credit glued to it', () => {
    const line = '关键词：河北，社区责任编辑：刘政豪';
    const v = classifyLines(['正文。', line])[1];
    expect(v?.kind === 'keep' && line.slice(v.start, v.end)).toBe('责任编辑：刘政豪');
  });
});
