/** Writes src/extract/formerPlaceNames.generated.ts: former names of today's divisions (gb2260). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { deriveFormerNames, gb2260Revisions, renderFormerNames } from '../src/extract/formerNames';
import { gazetteer } from '../src/extract/gazetteer';

const pairs = deriveFormerNames(gazetteer().byCode, gb2260Revisions());
writeFileSync(join(__dirname, '../src/extract/formerPlaceNames.generated.ts'), renderFormerNames(pairs));
console.log(`${pairs.length} former names written`);
