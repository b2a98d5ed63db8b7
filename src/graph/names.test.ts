import { bareName, bestPlaceMatch, bestProgramMatch, nameQueries } from './names';

const prg = (id: string, name: string, aliases: string[], documents: number) => ({
  id,
  name,
  aliases,
  kind: 'PROJECT' as const,
  documents,
});

test('quotes and spaces are not part of a name', () => {
  expect(bareName('“领头羊” 工程')).toBe('领头羊工程');
  expect(nameQueries('农村“领头羊”工程')).toEqual(
    expect.arrayContaining(['农村“领头羊”工程', '农村领头羊工程', '领头羊']),
  );
});

test('a short program name finds the program most documents name', () => {
  const rows = [prg('prg_b', '领头羊行动', [], 1), prg('prg_a', '领头羊工程', ['“领头羊”工程'], 257)];
  expect(bestProgramMatch('领头羊', rows)?.name).toBe('领头羊工程');
  expect(bestProgramMatch('领头羊行动', rows)?.name).toBe('领头羊行动'); // an exact name beats frequency
  expect(bestProgramMatch('“领头羊”工程', rows)).toEqual({
    id: 'prg_a',
    name: '领头羊工程',
    aliases: ['“领头羊”工程'],
    kind: 'PROJECT',
  });
  expect(bestProgramMatch('头羊', rows)).toBeNull();
});

test('a short place name finds the higher level first', () => {
  const rows = [
    { id: 'plc_2', name: '廊坊市', level: 'CITY' as const, code: '131000' },
    { id: 'plc_1', name: '廊坊村', level: 'VILLAGE' as const, code: null },
  ];
  expect(bestPlaceMatch('廊坊', rows)?.name).toBe('廊坊市');
  expect(bestPlaceMatch('廊坊村', rows)?.name).toBe('廊坊村');
});

test('traditional script, a type word the canonical name dropped, and autonomous prefectures', () => {
  const rows = [prg('prg_s', '双报到', [], 3), prg('prg_t', '十户联创', [], 1)];
  expect(bestProgramMatch('雙報到', rows)?.name).toBe('双报到');
  expect(bestProgramMatch('十户联创活动', rows)?.name).toBe('十户联创');
  expect(nameQueries('十户联创活动')).toContain('十户联创');
  const places = [
    { id: 'plc_1', name: '恩施土家族苗族自治州', level: 'CITY' as const, code: '422800' },
    { id: 'plc_2', name: '锡林郭勒盟', level: 'CITY' as const, code: '152500' },
    { id: 'plc_3', name: '广阳区', level: 'COUNTY' as const, code: '131003' },
  ];
  expect(bestPlaceMatch('恩施', places)?.name).toBe('恩施土家族苗族自治州');
  expect(bestPlaceMatch('锡林郭勒', places)?.name).toBe('锡林郭勒盟');
  expect(bestPlaceMatch('廣陽區', places)?.name).toBe('广阳区');
});

test('a former name of a place finds it under its name today', () => {
  // 田阳县 became 田阳区 of 百色市 in 2019 (撤县设区); 襄樊市 was renamed 襄阳市 in 2010.
  const places = [
    { id: 'plc_1', name: '田阳区', level: 'COUNTY' as const, code: '451003' },
    { id: 'plc_2', name: '襄阳市', level: 'CITY' as const, code: '420600' },
  ];
  expect(nameQueries('田阳县')).toContain('田阳区');
  expect(bestPlaceMatch('田阳县', places)?.name).toBe('田阳区');
  expect(bestPlaceMatch('襄樊市', places)?.name).toBe('襄阳市');
  expect(bestPlaceMatch('田阳镇', places)).toBeNull();
});
