/**
 * Place rules on sentences written for these tests (none is from an article the rules are
 * measured on): names the gazetteer lacks, and words that look like places but are not.
 */
import { extractDocument } from '.';
import { cleanFromString } from './testing/clean';
import type { DocumentGraph } from './types';

function named(text: string): string[] {
  const g: DocumentGraph = extractDocument(cleanFromString(`标题\n${text}`));
  const counted = new Set(
    g.mentions.filter((m) => m.ref.label === 'Place' && m.count > 0).map((m) => m.ref.key),
  );
  return g.places.filter((p) => counted.has(p.key)).map((p) => p.name);
}

describe('places inside honour titles', () => {
  it('does not take a place named inside a quoted honour title as a place of the text', () => {
    expect(named('他曾获评“最美扬州人”，带领村民发展产业。')).not.toContain('扬州市');
    expect(named('这位“感动宁波”年度人物扎根基层。')).not.toContain('宁波市');
    expect(named('扬州市开展“最美村官”评选。')).toContain('扬州市');
  });
});

describe('places inside company names and common words', () => {
  it('does not count a place that only opens a company name as a place of the text', () => {
    expect(named('白沙村与杭州绿源农业开发有限公司合作种茶。')).not.toContain('杭州市');
    expect(named('临安区太湖源镇白沙村股份经济合作社今年分红。')).toContain('白沙村');
  });

  it('does not read a county short form as a place of another province than the text’s', () => {
    const places = named('德城区二屯镇立足资源禀赋，盘活资源资产。');
    expect(places).toContain('德城区');
    expect(places).not.toContain('资源县');
  });

  it('does not read a village collective (村集体) after a verb of going as a village', () => {
    expect(named('该镇把工作方向调整到壮大村集体经济上来。')).toEqual([]);
  });
});

describe('places the gazetteer does not list', () => {
  it('reads a county short form glued after another county as the start of a town name', () => {
    const places = named('临安区太湖源镇白沙村的村民种茶。');
    expect(places).toEqual(expect.arrayContaining(['临安区', '太湖源镇', '白沙村']));
    expect(places).not.toContain('太湖县');
  });

  it('reads a high-tech zone by its full name, one place under the city named before it', () => {
    const g: DocumentGraph = extractDocument(
      cleanFromString('标题\n在成都天府高新区党工委指导下推进党建。四川成都天府高新区共有企业党组织80个。'),
    );
    const zones = g.places.filter((p) => p.name.endsWith('高新区'));
    expect(zones.map((p) => p.name)).toEqual(['天府高新区']);
    expect(g.places.find((p) => p.key === zones[0]?.parentKey)?.name).toBe('成都市');
  });

  it('takes a township no chain leads to when the text names it twice at a clause start', () => {
    expect(named('石岭镇举办擂台赛。石岭镇18个村参加。')).toContain('石岭镇');
    expect(named('石岭镇举办擂台赛，各村参加。')).not.toContain('石岭镇');
  });

  it('takes villages listed after 、 (three or more in a sentence) as places', () => {
    const places = named('干部们观摩了桃坑村菜园、梅岭村“积分超市”、竹溪村党群服务中心等项目。');
    expect(places).toEqual(expect.arrayContaining(['梅岭村', '竹溪村']));
  });

  it('takes no quoted term, dictionary word or body name for an unlisted village', () => {
    const places = named(
      '全县消除“空壳村”。“空壳村”越来越少。示范村建设提速，示范村增至8个。农业农村局、示范村、文明村参加。',
    );
    expect(places).toEqual([]);
  });

  it('reads a street office written 街办 as the gazetteer’s 街道', () => {
    expect(named('在武汉市江岸区丹水池街办后湖社区，居民议事会每月召开。')).toEqual(
      expect.arrayContaining(['丹水池街道', '后湖社区']),
    );
  });

  it('takes no predicate opening a clause for a community named with its committee', () => {
    expect(named('江岸区翠湖社区建立议事会，切实发挥社区党委的引领作用。')).toEqual(['江岸区', '翠湖社区']);
    expect(named('江岸区翠湖社区建立议事会，充分发挥社区党委的引领作用。')).toEqual(['江岸区', '翠湖社区']);
  });

  it('does not glue a county named before a village into the village name (在吉县白沙村)', () => {
    expect(named('在吉县白沙村，村民种植苹果。').some((p) => p.includes('县白'))).toBe(false);
  });

  it('takes a town and its village named together', () => {
    expect(named('近日，湖口镇石钟村举办党员大会。')).toEqual(expect.arrayContaining(['湖口镇', '石钟村']));
  });

  it('takes a former name in brackets, a 村民小组 and a street office opening a sentence', () => {
    expect(named('平安县新民镇(原石桥乡)调整区划。')).toContain('石桥乡');
    expect(named('书记来到了大坪村民小组。')).toContain('大坪村民小组');
    expect(named('湖滨北路街道在万象大厦召开会议。')).toContain('湖滨北路街道');
  });

  it('splits a township the gazetteer lacks from the village after it', () => {
    expect(named('四川省雅安市芦山县龙门乡古城村召开会议。')).toEqual(
      expect.arrayContaining(['龙门乡', '古城村']),
    );
    expect(named('四川省雅安市芦山县龙门乡古城村召开会议。')).not.toContain('龙门乡古城村');
  });

  it('takes a township written with a variant character, and a village name holding 各', () => {
    // The gazetteer lists 百尺竿镇 under 涿州市; pages also write 百尺杆镇. (Names written for this test.)
    expect(named('河北涿州市百尺杆镇南各庄村，召开党员大会。')).toEqual(
      expect.arrayContaining(['百尺杆镇', '南各庄村']),
    );
  });

  it('takes a town and village after a county-level city', () => {
    expect(named('河北涿州市松林店镇东城坊村，召开党员大会。')).toEqual(
      expect.arrayContaining(['松林店镇', '东城坊村']),
    );
  });

  it('takes a town named after a locative word', () => {
    expect(named('一场比赛在沙河镇“热”了起来。')).toContain('沙河镇');
  });

  it('reads an autonomous county written as its short form + 县', () => {
    expect(named('青海省互助县开展培训。')).toContain('互助土族自治县');
  });
});

describe('words that are not places', () => {
  it('leaves out a dispatch dateline', () => {
    expect(named('新华社南宁7月4日电 当地推行新机制。')).not.toContain('南宁市');
  });

  it('leaves out a city short form inside a byline name', () => {
    expect(named('本报讯（记者 何南宁 通讯员 李明）全县开展活动。')).not.toContain('南宁市');
  });

  it('leaves out a province inside a company name', () => {
    expect(named('国网甘肃省电力公司党委开展活动。国网甘肃电力员工参加。')).not.toContain('甘肃省');
  });

  it('leaves out a verb before a place word', () => {
    const names = named('调研新区企业党建工作。某某镇聚焦农村发展，创新村级后备干部培养机制。');
    expect(names).not.toContain('调研新区');
    expect(names).not.toContain('聚焦农村');
    expect(names).not.toContain('创新村');
  });

  it('leaves out a county short form naming a city bureau by its field (市X局)', () => {
    expect(named('唐山市召开会议。市迁安局党委组织学习。')).not.toContain('迁安市');
  });

  it('leaves out a name whose last character starts another word', () => {
    expect(named('推动乡村振兴区域协调发展。')).not.toContain('振兴区');
  });

  it('leaves out a county short form the sentence uses as a verb', () => {
    // 振兴 is also 振兴区 of 丹东市; 城关 (a noun) stays possible where the province is known.
    expect(named('某街道党委用心推动乡村振兴，打造治理新格局。')).toEqual([]);
  });

  it('does not let a lone county short form decide what the article is about', () => {
    // 石门 is 石门县 of 常德市, but nothing else in the text places it there.
    expect(named('市水库管理局开展党建品牌创建，打造一些具有石门特色的亮点。')).toEqual([]);
    // A township of its own after it confirms the short form: 海丰 → 海丰县, 梅陇镇 under it.
    expect(named('近日，海丰梅陇镇新村党群服务中心投入使用。')).toEqual(
      expect.arrayContaining(['海丰县', '梅陇镇']),
    );
  });

  it('leaves out a city short form naming a building', () => {
    expect(named('近日，无锡中心商圈党委开展活动，梁溪区领导出席。')).not.toContain('无锡市');
  });

  it('leaves out a verb named once before a generic 村党委', () => {
    expect(named('依托网格建立党组织，形成村党委、党支部、党小组三级体系。')).not.toContain('形成村');
  });
});
