/**
 * Former place names: the generated table is what the gb2260 revisions give today, and the
 * extractor reads a former name as the place it names today.
 */
import { extractDocument } from '.';
import { deriveFormerNames, gb2260Revisions, renderFormerNames } from './formerNames';
import { FORMER_PLACE_NAMES } from './formerPlaceNames.generated';
import { gazetteer } from './gazetteer';
import { cleanFromString } from './testing/clean';

describe('former place names', () => {
  it('formerPlaceNames.generated.ts is current (else run npm run gen:former-names)', () => {
    const derived = deriveFormerNames(gazetteer().byCode, gb2260Revisions());
    expect(renderFormerNames(FORMER_PLACE_NAMES)).toBe(renderFormerNames(derived));
  });

  it('maps renamed divisions and counties that became districts to today’s division', () => {
    const g = gazetteer();
    expect(g.currentOf('田阳县')?.name).toBe('田阳区'); // 撤县设区, 2019
    expect(g.currentOf('襄樊市')?.name).toBe('襄阳市'); // renamed, 2010
    expect(g.currentOf('密云县')?.name).toBe('密云区'); // 撤县设区, 2015, under another code prefix
    expect(g.currentOf('廊坊市')).toBeNull(); // a name in use today is no former name
  });

  it('reads a former name in an article as today’s place', () => {
    const g = extractDocument(cleanFromString('标题\n2017年，广西百色市田阳县那坡镇开展“田间党课”活动。'));
    expect(g.places.map((p) => p.name)).toEqual(expect.arrayContaining(['百色市', '田阳区', '那坡镇']));
  });
});
