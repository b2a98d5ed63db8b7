/**
 * One program key across documents: the same initiative named differently in different articles
 * (农村“领头羊”工程, 基层党组织“领头羊”工程, 深入实施“领头羊”工程) must land on one node.
 */
import { articleFiles, graphOf, placeName, programNamed } from './testing/graph';
import type { DocumentGraph } from './types';

function placesOf(g: DocumentGraph, program: string): string[] {
  return g.relations
    .filter((r) => r.type === 'IMPLEMENTED_IN' && r.from.key === program)
    .map((r) => placeName(g, r.to.key) ?? '?');
}

function documentsWith(program: string): string[] {
  return articleFiles()
    .map((f) => f.slice(0, 3))
    .filter((prefix) => programNamed(graphOf(prefix), program) !== undefined);
}

describe('programs across the bundled articles', () => {
  it('finds 领头羊工程 in exactly the three articles that mention it (000, 001, 004)', () => {
    expect(documentsWith('领头羊工程')).toEqual(['000', '001', '004']);
    for (const prefix of ['000', '001', '004'])
      expect(programNamed(graphOf(prefix), '领头羊工程')?.key).toBe('领头羊工程');
  });

  it('implements 领头羊工程 in each article’s main place', () => {
    expect(placesOf(graphOf('000'), '领头羊工程')).toContain('廊坊市');
    expect(placesOf(graphOf('001'), '领头羊工程')).toContain('河北省');
    expect(placesOf(graphOf('004'), '领头羊工程')).toContain('廊坊市');
  });

  it('gives 双报到 and 六位一体 one key in the 廊坊 article and the 定州 article', () => {
    expect(documentsWith('双报到')).toEqual(['000', '002']);
    expect(documentsWith('六位一体')).toEqual(['000', '002']);
    expect(placesOf(graphOf('000'), '双报到')).toContain('廊坊市');
    expect(placesOf(graphOf('002'), '双报到')).toContain('定州市');
    expect(placesOf(graphOf('002'), '六位一体')).toContain('定州市');
  });

  it('unifies “三审一谈”工作机制 (001) and “三审一谈”机制 (004)', () => {
    expect(documentsWith('三审一谈')).toEqual(['001', '004']);
  });

  it('unifies “我为群众办实事”实践活动 across 廊坊 and 定州', () => {
    expect(documentsWith('我为群众办实事')).toEqual(['000', '002']);
  });

  it('keys places by GB/T 2260 code in every article (廊坊市 is code:131000 in 000 and 004)', () => {
    for (const prefix of ['000', '004']) {
      expect(graphOf(prefix).places.find((p) => p.name === '廊坊市')?.key).toBe('code:131000');
    }
  });
});
