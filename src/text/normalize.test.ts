import { normalizeText } from './normalize';

const clean = (raw: string): string => normalizeText(raw).text;

describe('normalizeText: script', () => {
  it('converts traditional to simplified, names included', () => {
    expect(clean('市委宣傳部常務副部長陳建莊說')).toBe('市委宣传部常务副部长陈建庄说');
    expect(clean('一級帶著一級干，摸得著的實惠')).toBe('一级带着一级干，摸得着的实惠');
  });

  it('leaves simplified text untouched, including characters that are also traditional', () => {
    const text = '乾隆年间的著作；干部、干净；头发、发现；范围；复兴、覆盖；只有一只；面条';
    expect(clean(text)).toBe(text);
  });

  it('removes pinyin before converting, so phrases convert whole', () => {
    expect(clean('寶貴歷史經(jīng)驗,。')).toBe('宝贵历史经验。');
  });
});

describe('normalizeText: punctuation', () => {
  it.each([
    // [raw, clean]
    ['百年黨史,,就是', '百年党史，就是'],
    ['改造老旧小区41个,,143个', '改造老旧小区41个，143个'],
    ['鼓舞斗志,、明确方向', '鼓舞斗志、明确方向'],
    ['操心事、,烦心事', '操心事、烦心事'],
    ['知史砺初心,践行新使命,。', '知史砺初心，践行新使命。'],
    ['砥砺品格,。”2021年', '砥砺品格。”2021年'],
    ['使命。,接着', '使命。接着'],
    ['一往无前,!', '一往无前！'],
    ['“,江山就是人民', '“江山就是人民'],
    ['人民就是江山,”。', '人民就是江山”。'],
    ['《长津湖,》', '《长津湖》'],
    ['学校(园),,6所', '学校(园)，6所'],
    ['你打卡了吗?', '你打卡了吗？'],
    ['来源:河北新闻网', '来源：河北新闻网'],
    ['来源: 河北日报客户端', '来源：河北日报客户端'],
    ['「群眾說事」和『江山』', '“群众说事”和‘江山’'],
    ['实施"领头羊"工程', '实施“领头羊”工程'],
    ['好。。', '好。'],
  ])('%s → %s', (raw, expected) => {
    expect(clean(raw)).toBe(expected);
  });

  it('keeps ASCII punctuation between digits and in Latin text', () => {
    expect(clean('2021-06-07 10:02:52 来源：河北新闻网')).toBe('2021-06-07 10:02:52 来源：河北新闻网');
    expect(clean('按照1:1的比例，共1,000人')).toBe('按照1:1的比例，共1,000人');
    expect(clean('标语 Hello, world! 党建')).toBe('标语 Hello, world! 党建');
  });

  it('keeps a comma inside a quote that the sentence continues after', () => {
    expect(clean('“我们要干，”他说，“马上干。”')).toBe('“我们要干，”他说，“马上干。”');
  });
});

describe('normalizeText: spacing and characters', () => {
  it('collapses spaces, trims lines, drops empty lines and spaces beside full-width marks', () => {
    expect(clean('  筑牢坚强堡垒　　夯实执政根基  \r\n\r\n\u3000\u3000党的基层组织。\n')).toBe(
      '筑牢坚强堡垒 夯实执政根基\n党的基层组织。',
    );
    expect(clean('《 中国城市报 》( 2023年07月31日   第 19 版)')).toBe(
      '《中国城市报》(2023年07月31日 第 19 版)',
    );
  });

  it('turns full-width digits and letters into ASCII and drops invisible characters', () => {
    expect(clean('２０２１年参学率８７．６％，ＡＰＰ\u200b平台\ufffd')).toBe('2021年参学率87.6%，APP平台');
  });

  it('re-joins a paragraph the page broke in two, but not a caption and the heading below it', () => {
    const broken =
      '优化党员“两比例”。立足不断优化农村党员队伍年龄文化结构，破解农村发展党员优亲厚友、质量不高等难题，研究\n\n  制定《农村发展党员二十项措施》，突出优化。';
    expect(clean(broken)).toContain('难题，研究制定《农村发展党员二十项措施》');
    const caption =
      '2020年疫情防控期间，廊坊市委抽调市直党员干部驰援无物业小区。廊坊市委宣传部供图\n夯实基础，锻造坚强有力的战斗堡垒\n芦苇摇曳。';
    expect(clean(caption).split('\n')).toHaveLength(3);
  });
});

describe('normalizeText: offsets', () => {
  it('maps clean offsets back to the raw text across deletions and conversion', () => {
    const raw = '  百年黨史,,就是寶貴經(jīng)驗,。\n\n扫码阅读手机版\n後記如下。';
    const n = normalizeText(raw);
    expect(n.text).toBe('百年党史，就是宝贵经验。\n后记如下。');
    expect(n.toRawOffset(0)).toBe(2);
    expect(raw[n.toRawOffset(n.text.indexOf('就'))]).toBe('就');
    expect(raw[n.toRawOffset(n.text.indexOf('验'))]).toBe('驗');
    expect(raw[n.toRawOffset(n.text.indexOf('后'))]).toBe('後');
    expect(n.toRawOffset(n.text.length)).toBe(raw.length);
    expect(n.toRawRange(0, 4)).toEqual({ start: 2, end: 6 });
  });

  it('rejects an offset outside the clean text, stating the contract', () => {
    const n = normalizeText('党建。');
    expect(() => n.toRawOffset(4)).toThrow(
      "cleanOffset must be an integer in [0, 3] (the clean text's length), got 4",
    );
    expect(() => n.toRawOffset(-1)).toThrow(RangeError);
  });
});

describe('normalizeText: script', () => {
  it('leaves a simplified document alone, including characters that are also traditional forms', () => {
    const body = '兰州新区非公企业党工委到兰州乾川投资有限公司调研，了解企业党支部开展活动的情况。'.repeat(3);
    expect(normalizeText(body).text).toContain('兰州乾川投资有限公司');
  });

  it('converts a document written in traditional script', () => {
    const body = '蘭州新區非公企業黨工委到企業調研，瞭解黨支部開展活動的情況。'.repeat(3);
    expect(normalizeText(body).text).toContain('兰州新区非公企业党工委');
  });
});
