/**
 * Program candidates and program → place links on sentences written for these tests (none is
 * from an article the rules are measured on). Each case is one failure class of real articles.
 */
import { extractDocument } from '.';
import { cleanFromString } from './testing/clean';
import { implementedIn, programNamed, programNames } from './testing/graph';
import type { DocumentGraph } from './types';

function extract(text: string): DocumentGraph {
  return extractDocument(cleanFromString(`标题\n${text}`));
}

describe('program candidates', () => {
  it('takes a quoted name framed by 以…为载体 or 把…作为 without a type word', () => {
    const g = extract('东湖村以“院落议事会+党小组”为载体化解纠纷。该县把“两联系、两服务”作为抓手推进工作。');
    expect(programNamed(g, '院落议事会+党小组')).toBeDefined();
    expect(programNamed(g, '两联系、两服务')).toBeDefined();
  });

  it('folds a name and the same name with generic words after it into one program (“近邻”模式 = “近邻党建”)', () => {
    const g = extract('近年来，泉州市推行“同心”模式，深化“同心党建”，群众满意度不断提升。');
    expect(programNames(g)).toEqual(['同心党建']);
    expect(programNamed(g, '同心党建')?.aliases).toContain('同心');
  });

  it('reads quotes written one after the other before a type word as one program each', () => {
    const g = extract('该县实施“强基固本”“先锋领航”工程，推行“村里吹哨、部门报到”联动机制。');
    expect(programNames(g).sort()).toEqual(['先锋领航工程', '强基固本工程', '村里吹哨、部门报到'].sort());
  });

  it('names a quoted program by its quote, not by the words describing the activity after it', () => {
    const g = extract('该区组织“干部进企业”能力提升活动，帮助企业解决难题。');
    expect(programNames(g)).toEqual(['干部进企业']);
  });

  it('leaves 新 of a new model out of an unquoted name (…化解新模式)', () => {
    const g = extract('该区积极探索基层矛盾纠纷联调联处新模式，效果明显。');
    expect(programNames(g)).toEqual(['基层矛盾纠纷联调联处']);
  });

  it('takes a practice named as one body built into another (把合作社建在支部里) after its verb', () => {
    const g = extract('近年来，青溪县探索“把党小组建在网格上”，推动服务下沉。');
    expect(programNamed(g, '把党小组建在网格上')).toBeDefined();
    expect(programNames(extract('他们推行“在荒坡上种果树”，增收明显。'))).toEqual([]);
  });

  it('takes a quoted name framed by 以“…”项目为抓手 (a type word between quote and frame)', () => {
    const g = extract('今年以来，东城区委以“支部联建·书记挂帅”项目为抓手推进机关党建。');
    expect(programNamed(g, '支部联建·书记挂帅')).toBeDefined();
  });

  it('names a program by its quoted core: the words between quote and type word only describe it', () => {
    const g = extract('该县深入推进“红旗飘扬”强基工程，全面推行党员“积分争优”评价新模式。');
    expect(programNamed(g, '红旗飘扬工程')?.aliases).toContain('红旗飘扬强基工程');
    expect(programNamed(g, '积分争优')).toBeDefined();
  });

  it('names a volunteer campaign by its quote, not by the kind of activity after it', () => {
    const g = extract('近日，城关镇在光华社区开展“我当一天楼栋长”志愿服务活动。');
    expect(programNamed(g, '我当一天楼栋长')).toBeDefined();
  });

  it('takes the quoted name of a campaign held under a theme (以“…”为主题的“X行动”)', () => {
    const g = extract('今年，城关镇在全体党员中展开了以“亮身份、作表率”为主题的“楼道先锋行动”。');
    expect(programNamed(g, '楼道先锋行动')).toBeDefined();
  });

  it('keeps what is built before 建设: “六型”服务机关建设 → 六型服务机关', () => {
    const g = extract('全局扎实开展“六型”服务机关建设，着力提升组织力。');
    expect(programNamed(g, '六型服务机关')).toBeDefined();
  });

  it('recognises slogans, principles and figures by shape, not by a list', () => {
    const g = extract(
      [
        '全镇开展“学政策、讲政策、用政策”宣讲，打造“连心廊”，构建“一张网”，建立“三种模式”。',
        '为打造固本强基的“先锋工程”，建立“村民议事室”，实施“五小”示范点建设。',
      ].join(''),
    );
    const names = programNames(g);
    for (const n of ['学政策、讲政策、用政策', '连心廊', '一张网', '三种模式', '先锋工程', '村民议事室'])
      expect(names).not.toContain(n);
  });

  it('takes a quote that runs on into a noun as a modifier, not a program', () => {
    const g = extract('街道为商户开展“一条龙”上门服务，申报“四星”级党支部。');
    expect(programNames(g)).toEqual([]);
  });

  it('takes a campaign named by the honour it strives for when the text names it twice', () => {
    const g = extract('全县推进清廉机关创建，以清廉机关创建带动作风转变。争创文明城市。');
    expect(programNamed(g, '清廉机关创建')?.kind).toBe('CAMPAIGN');
    expect(programNames(g).some((n) => n.includes('文明城市'))).toBe(false);
  });

  it('folds a short form made of the long name’s characters into it, but not a “X+” family', () => {
    const g = extract(
      '该县探索“田间课堂模式”，从“满堂灌”到“田间模式”。公司推进“党建+”工程和“党建+安全生产”工程。',
    );
    expect(programNamed(g, '田间课堂模式')?.aliases).toContain('田间模式');
    expect(programNamed(g, '田间模式')).toBeUndefined();
    expect(programNamed(g, '党建+工程')).toBeDefined();
    expect(programNamed(g, '党建+安全生产工程')).toBeDefined();
  });

  it('finds national practices named without quotes', () => {
    const g = extract('各支部严格落实三会一课，每月开展主题党日，推进两学一做学习教育常态化。');
    expect(programNames(g)).toEqual(expect.arrayContaining(['三会一课', '主题党日', '两学一做']));
    const h = extract('该县坚持浦江经验，推行三治融合，落实三务公开。');
    expect(programNames(h)).toEqual(expect.arrayContaining(['浦江经验', '三治融合', '三务公开']));
  });
});

describe('program → place links', () => {
  it('links the place that runs it, not its parents', () => {
    const g = extract('浙江省湖州市安吉县递铺街道推行“邻里圆桌会”，效果明显。');
    expect(implementedIn(g, '邻里圆桌会')).toEqual(['递铺街道']);
  });

  it('links the places listed as its subject, not every place of the article', () => {
    const g = extract('河南省郑州市金水区、二七区推行“楼院三长制”。同月，郑州市召开会议。');
    expect(implementedIn(g, '楼院三长制').sort()).toEqual(['二七区', '金水区']);
  });

  it('links the place after 在 when the program is the subject', () => {
    const g = extract('近日，一场主题党日活动在江苏省宿迁市沭阳县庙头镇聚贤村举行。');
    expect(implementedIn(g, '主题党日')).toEqual(['聚贤村']);
  });

  it('carries the subject over to a following sentence that omits it', () => {
    const g = extract('山东省日照市莒县创新基层治理。深入实施“莒人和”工程，群众满意度提升。');
    expect(implementedIn(g, '莒人和工程')).toEqual(['莒县']);
  });

  it('links the place named as its origin', () => {
    const g = extract('记者重访“浦江经验”发源地浙江省浦江县，看到新变化。');
    expect(implementedIn(g, '浦江经验')).toEqual(['浦江县']);
  });

  it('does not carry a place over to a sentence whose subject is a body', () => {
    const g = extract('山东省日照市莒县召开会议。该支部深入推进“红帆引航”工程，成效明显。');
    expect(implementedIn(g, '红帆引航工程')).toEqual([]);
  });

  it('links the place of a speaker’s post, not of a witness', () => {
    const g = extract(
      '彝良县发达村党支部书记李明华说，这几年，通过主题党日解决了许多难题。老支部书记张国强见证了三会一课从无到有。',
    );
    expect(implementedIn(g, '主题党日')).toEqual(['发达村']);
    expect(implementedIn(g, '三会一课')).toEqual([]);
  });

  it('carries the place a lead paragraph names into the numbered paragraphs under it', () => {
    const g = extract(
      [
        '今年以来，安徽省合肥市庐阳区杏林街道坚持党建引领，推进网格治理。',
        '一是完善组织体系，组建网格党支部5个。',
        '二是深化服务，持续开展“邻里守望”活动，网格员定期走访。',
      ].join('\n'),
    );
    expect(implementedIn(g, '邻里守望')).toEqual(['杏林街道']);
  });

  it('carries no place over a paragraph whose subject is a company or its committee', () => {
    const g = extract(
      [
        '黑龙江省哈尔滨市道里区的一家企业近年来发展迅速。',
        '某某供电公司党委大力推进标准化建设。严格落实“三会一课”制度。',
      ].join('\n'),
    );
    expect(implementedIn(g, '三会一课')).toEqual([]);
  });

  it('links the place of the speaker a quoted paragraph ends with', () => {
    const g = extract(
      [
        '近日，江西省赣州市南康区唐江镇卢屋村召开党员大会。',
        '“我们推行‘积分超市’模式，党员参与热情更高了。”南康区委常委、组织部长刘建明说。',
      ].join('\n'),
    );
    expect(implementedIn(g, '积分超市')).toEqual(['南康区']);
  });

  it('links the place of the scene a demonstrative sentence sums up', () => {
    const g = extract(
      [
        '在江苏省无锡市梁溪区南禅寺社区，十多位居民围坐在一起讨论加装电梯。',
        '这样的场景，是梁溪区推行“板凳议事”机制的一个缩影。',
      ].join('\n'),
    );
    expect(implementedIn(g, '板凳议事').sort()).toEqual(['南禅寺社区', '梁溪区']);
  });

  it('links the place of the scene a sentence calls an instance of the program', () => {
    const g = extract(
      [
        '近日，四川省雅安市芦山县龙门乡古城村的安置点里，供电公司党员服务队在值守。',
        '队员昼夜巡查线路，是国网某公司“红色电力”工程的具体举措之一。',
      ].join('\n'),
    );
    expect(implementedIn(g, '红色电力工程')).toEqual(['古城村']);
  });

  it('links nothing when no place is said to run it', () => {
    const g = extract('“两学一做”学习教育是党内教育的重要形式。');
    expect(implementedIn(g, '两学一做')).toEqual([]);
  });
});
