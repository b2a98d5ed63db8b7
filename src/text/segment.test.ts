import { segmentText } from './segment';

describe('segmentText', () => {
  it('makes one paragraph per line with offsets into the text', () => {
    const text = '标题\n第一段。第二句！\n第三段';
    const { paragraphs } = segmentText(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['标题', '第一段。第二句！', '第三段']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('splits at 。！？；!? and at line ends', () => {
    const { sentences } = segmentText('甲。乙！丙？丁；戊!己?庚\n辛');
    expect(sentences.map((s) => s.text)).toEqual(['甲。', '乙！', '丙？', '丁；', '戊!', '己?', '庚', '辛']);
    expect(sentences.map((s) => s.paragraph)).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    const text = '“用党的实践创造和历史经验启迪智慧、砥砺品格。”2021年2月20日，习近平总书记指出。';
    const { sentences } = segmentText(text);
    expect(sentences.map((s) => s.text)).toEqual([
      '“用党的实践创造和历史经验启迪智慧、砥砺品格。”',
      '2021年2月20日，习近平总书记指出。',
    ]);
  });

  it('keeps runs of end marks together and does not split at …… or ——', () => {
    const { sentences } = segmentText('有啥不一样？！塔吊林立……廊坊——临空。（完）');
    expect(sentences.map((s) => s.text)).toEqual(['有啥不一样？！', '塔吊林立……廊坊——临空。', '（完）']);
  });

  it('gives offsets with text.slice(start, end) === text for every sentence', () => {
    const text = '党建领航，凝心聚力。当下廊坊……热潮。\n“江山就是人民、人民就是江山。”习近平说。';
    for (const s of segmentText(text).sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
