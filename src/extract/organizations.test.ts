/**
 * The organization rules on sentences of the genre written for the purpose (not taken from any
 * article the extractor is measured on). One test per class of organization name.
 */
import { extractDocument } from '.';
import { cleanFromString } from './testing/clean';
import { orgNamed } from './testing/graph';
import type { DocumentGraph } from './types';

function extract(text: string): DocumentGraph {
  return extractDocument(cleanFromString(text));
}

function orgNames(g: DocumentGraph): string[] {
  return g.organizations.map((o) => o.name);
}

describe('organization rules', () => {
  it('types the departments of a committee as the committee (组织部, 社会工作部 → PARTY_COMMITTEE)', () => {
    const g = extract('昆山市委组织部联合市委社会工作部，召开全市党建工作推进会。');
    expect(orgNamed(g, '昆山市委组织部')?.kind).toBe('PARTY_COMMITTEE');
    expect(orgNamed(g, '昆山市委社会工作部')?.kind).toBe('PARTY_COMMITTEE');
  });

  it('completes a bare district body with the district of the text (区工商联, 区行政审批局)', () => {
    const g = extract('近年来，江宁区推动商圈党建。\n区工商联牵头组织企业座谈。\n区行政审批局开展上门服务。');
    expect(orgNamed(g, '江宁区工商联')?.kind).toBe('OTHER');
    expect(orgNamed(g, '江宁区行政审批局')?.kind).toBe('GOVERNMENT');
  });

  it('reads a section of a department and keeps the department (县委组织部干部教育科)', () => {
    const g = extract('“培训要常态化。”宁晋县委组织部干部教育科科长介绍说。');
    expect(orgNames(g)).toEqual(expect.arrayContaining(['宁晋县委组织部', '宁晋县委组织部干部教育科']));
    expect(orgNamed(g, '宁晋县委组织部干部教育科')?.kind).toBe('PARTY_COMMITTEE');
  });

  it('leaves the tense marker of a post out of the branch it names (某村原党支部书记 → 某村党支部)', () => {
    const known = extract('青龙镇石门村原党支部书记李长河说，修路是大事。');
    expect(orgNames(known)).toContain('石门村党支部');
    expect(orgNames(known).some((n) => n.includes('原'))).toBe(false);
    const unknown = extract('柳溪坪村原党支部书记李长河说，修路是大事。');
    expect(orgNames(unknown).some((n) => n.includes('原'))).toBe(false);
  });

  it('keeps an agency named after a place short form as written (奎文公安分局)', () => {
    const g = extract('山东潍坊奎文区开展攻坚行动。奎文公安分局机关党委组建志愿服务队。');
    expect(orgNames(g)).toContain('奎文公安分局');
  });

  it('reads no organization inside a document title (《中国共产党支部工作条例》)', () => {
    const g = extract('会上，第一书记组织全体党员学习《中国共产党支部工作条例》。');
    expect(orgNames(g).some((n) => n.includes('支部'))).toBe(false);
  });

  it('takes the outlet of a masthead as the employer behind 本报讯(记者 …)', () => {
    const g = extract(
      '南川晚报 2023年05月06日 星期六\n社区议事会开起来\n本报讯(记者 王晓东)近日，江岸区丹水池街道召开议事会。',
    );
    expect(orgNamed(g, '南川晚报')?.kind).toBe('OTHER');
  });

  it('names a village committee written 某村委会 in full, and 某村委 as written', () => {
    expect(orgNames(extract('临安区太湖源镇白沙村委会主任王建军介绍了情况。'))).toContain('白沙村委会');
    expect(orgNames(extract('记者来到白沙村。白沙村委办公楼前，群众排起长队。'))).toContain('白沙村委');
  });

  it('names a village committee from the village of the sentence (村委会主任 → X村村委会)', () => {
    const g = extract('记者来到大柳树村，村委会主任正在整理台账。');
    expect(orgNamed(g, '大柳树村村委会')?.kind).toBe('GOVERNMENT');
  });

  it('reads party units and companies named by a proper name and a type word', () => {
    const g = extract(
      '今年以来，金沙广场联合党支部与鑫源物流集团党委结对共建，帮助百川源食品有限公司解决用工难题。',
    );
    expect(orgNamed(g, '金沙广场联合党支部')?.kind).toBe('PARTY_BRANCH');
    expect(orgNamed(g, '鑫源物流集团党委')?.kind).toBe('PARTY_COMMITTEE');
    expect(orgNamed(g, '百川源食品有限公司')?.kind).toBe('OTHER');
  });

  it('keeps the place of a generic descriptor, drops a full place before a proper name', () => {
    const g = extract('江宁区快递物流行业党委成立后，江宁区秣陵街道金鹰花园联合党支部也随之成立。');
    expect(orgNames(g)).toEqual(expect.arrayContaining(['江宁区快递物流行业党委', '金鹰花园联合党支部']));
    expect(orgNames(g)).not.toContain('秣陵街道金鹰花园联合党支部');
  });

  it('does not read generic branches or honours as names (3个独立党支部, “五星”党支部)', () => {
    const g = extract('该商圈先后成立了3个独立党支部，创建了一批“五星”党支部和“红旗”党支部。');
    expect(orgNames(g).filter((n) => /党支部$/.test(n))).toEqual([]);
  });

  it('reads a ministry of the State Council, not a body inside a document title', () => {
    const g = extract('民政部派驻的第一书记走访了农户。会议学习了《国务院关于加强基层治理的意见》。');
    expect(orgNamed(g, '民政部')?.kind).toBe('GOVERNMENT');
    expect(orgNames(g)).not.toContain('国务院');
  });

  it('completes a zone body named by the zone word alone (园区组织部 → the zone the text names)', () => {
    const g = extract('苏州工业园区加强楼宇党建。在园区组织部牵头下，各楼宇党组织开展活动。');
    expect(orgNamed(g, '苏州工业园区组织部')?.kind).toBe('PARTY_COMMITTEE');
  });

  it('reads media outlets as the employer of a named reporter or editor (OTHER)', () => {
    const g = extract('一个标题\n(东海晚报记者 周海燕)\n当年，时任南江日报副总编辑邹明亮带队采访德清县。');
    expect(orgNamed(g, '东海晚报')?.kind).toBe('OTHER');
    expect(orgNamed(g, '南江日报')?.kind).toBe('OTHER');
  });

  it('does not read a verb before a party unit as its name (切实建强党支部)', () => {
    const g = extract('德清县各村切实建强党支部，配齐配强党委班子。');
    expect(orgNames(g)).toEqual([]);
  });

  it('reads a unit name joined by 与 and a 党建联盟', () => {
    const g = extract('德清县，我校实验室与材料测试中心党支部联合多家单位，组建了新街口商圈党建联盟。');
    expect(orgNamed(g, '实验室与材料测试中心党支部')?.kind).toBe('PARTY_BRANCH');
    expect(orgNamed(g, '新街口商圈党建联盟')?.kind).toBe('OTHER');
  });

  it('reads the outlet of a dispatch only when a titled byline follows it', () => {
    const g = extract('南江日报讯(通讯员 韩冬梅)德清县推行网格化治理。');
    expect(orgNamed(g, '南江日报')?.kind).toBe('OTHER');
    const d = extract('南江晚报讯 (韩冬梅 周海燕)德清县推行网格化治理。');
    expect(orgNamed(d, '南江晚报')).toBeUndefined();
  });

  it('reads mass organizations and a street office of a place (县妇联, 街道办事处)', () => {
    const g = extract('德清县妇联联合武康街道办事处开展活动。');
    expect(orgNamed(g, '德清县妇联')?.kind).toBe('OTHER');
    expect(orgNamed(g, '武康街道办事处')?.kind).toBe('GOVERNMENT');
  });

  it('starts a name after the verb that sets the body up, keeps a quoted full name whole', () => {
    const g = extract('德清县，村党支部领办清泉茶叶专业合作社。村里注册了“德清县绿源果蔬专业合作社”。');
    expect(orgNamed(g, '清泉茶叶专业合作社')?.kind).toBe('OTHER');
    expect(orgNamed(g, '德清县绿源果蔬专业合作社')?.kind).toBe('OTHER');
  });

  it('reads no branch of a town (某镇党支部领办合作社 names the villages’ branches generically)', () => {
    const g = extract('德清县武康镇党支部领办合作社已有20个，武康镇党委统一指导。');
    expect(orgNames(g)).toEqual(['武康镇党委']);
  });

  it('completes a bare 镇党委 with the one township the text names', () => {
    const g = extract('德清县乾元镇推行网格化治理。今年，镇党委把全镇划为86个网格。');
    expect(orgNamed(g, '乾元镇党委')?.kind).toBe('PARTY_COMMITTEE');
    // Without the township, a bare 镇党委 is no name.
    expect(orgNames(extract('今年，镇党委把全镇划为86个网格。'))).toEqual([]);
  });

  it('names no body after a village read from a verb (当选村党支部书记 → no 当选村党支部)', () => {
    const g = extract('德清县仙潭村，沈国强说：“当选村党支部书记，我深感责任重大。”');
    expect(orgNames(g)).not.toContain('当选村党支部');
  });
});
