/**
 * The matching rules of `kg eval`, on a hand-made gold and graph.
 */
import { extractDocument } from '../extract';
import { cleanFromString } from '../extract/testing/clean';
import type { GoldDocument } from './gold';
import { parseGold } from './gold';
import { programMatchKey, scoreDocument } from './score';

const gold = (over: Partial<GoldDocument>): GoldDocument => ({
  title: null,
  publishedAt: null,
  source: null,
  places: [],
  programs: [],
  notPrograms: [],
  organizations: [],
  people: [],
  metrics: [],
  programPlaces: {},
  ...over,
});

describe('kg eval matching', () => {
  it('compares program names without quotes and one generic type word', () => {
    expect(programMatchKey('“领头羊”工程')).toBe('领头羊');
    expect(programMatchKey('积分换星模式')).toBe('积分换星');
    expect(programMatchKey('工程')).toBe('工程');
  });

  it('scores programs, slogans, places, metrics and links of one document', () => {
    const g = extractDocument(
      cleanFromString('标题\n安吉县递铺街道推行“邻里圆桌会”机制，打造“连心桥”，全街道共有党员1200名。'),
    );
    const s = scoreDocument(
      'x',
      gold({
        programs: ['邻里圆桌会', '红色管家'],
        notPrograms: ['连心桥'],
        places: ['安吉县', '递铺街道'],
        metrics: [{ value: 1200, unit: '名', subject: '党员', year: null }],
        programPlaces: { 邻里圆桌会: ['递铺街道'], 红色管家: ['递铺街道'] },
      }),
      g,
    );
    expect(s.programs).toMatchObject({ expected: 2, found: 1 });
    expect(s.slogans).toEqual({ right: 0, total: 1 });
    expect(s.places).toMatchObject({ expected: 2, found: 2 });
    expect(s.metrics).toMatchObject({ expected: 1, found: 1 });
    expect(s.metricSubjects).toEqual({ right: 1, total: 1 });
    expect(s.links).toMatchObject({ expected: 1, found: 1 });
    expect(s.linksAll).toBe(2);
    expect(s.misses).toContainEqual({
      doc: 'x',
      type: 'program',
      kind: 'missed',
      expected: '红色管家',
      got: null,
    });
  });

  it('refuses a malformed gold file with the path of the bad field', () => {
    expect(() => parseGold('{"docs": {"d1": {"people": [["张三"]]}}}')).toThrow(
      'gold.json: docs.d1.people[0] must be a [name, value] pair of strings',
    );
    expect(() => parseGold('[]')).toThrow('gold.json: docs must be an object');
  });
});
