/**
 * Which places run a program, over HTTP: `Program.places` lists exactly the IMPLEMENTED_IN links the
 * extractor read from the articles (no parents, no other places the article names), and
 * `Place.programs` agrees in reverse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { extractDocument } from '../../src/extract';
import { prepareText } from '../../src/text';
import { ROOT } from '../helpers/cli';
import { describeEngines } from '../helpers/engines';
import { importBundled, startTestServer, type TestServer } from '../helpers/server';

const IMPORT = path.join(ROOT, 'import');

/** program name → the names of the places the articles link it to, from extraction alone. */
function extractedLinks(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of fs.readdirSync(IMPORT).filter((x) => x.endsWith('.txt'))) {
    const g = extractDocument(prepareText(fs.readFileSync(path.join(IMPORT, f)), f));
    const placeName = new Map(g.places.map((p) => [p.key, p.name]));
    const programName = new Map(g.programs.map((p) => [p.key, p.name]));
    for (const r of g.relations) {
      if (r.type !== 'IMPLEMENTED_IN') continue;
      const program = programName.get(r.from.key) ?? r.from.key;
      const set = out.get(program) ?? new Set<string>();
      set.add(placeName.get(r.to.key) ?? r.to.key);
      out.set(program, set);
    }
  }
  return out;
}

describeEngines('program → place links over HTTP', (engine) => {
  let api: TestServer;

  beforeAll(async () => {
    api = await startTestServer(importBundled, { engine });
  }, 120000);
  afterAll(() => api.stop());

  async function allPrograms(): Promise<Array<{ name: string; places: Array<{ name: string }> }>> {
    const out: Array<{ name: string; places: Array<{ name: string }> }> = [];
    let after: string | null = null;
    for (;;) {
      const d: { programs: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: typeof out } } =
        await api.data(
          `query($after: String) { programs(first: 40, after: $after) {
          pageInfo { hasNextPage endCursor } nodes { name places(first: 30) { name } } } }`,
          { after },
        );
      out.push(...d.programs.nodes);
      if (!d.programs.pageInfo.hasNextPage) return out;
      after = d.programs.pageInfo.endCursor;
    }
  }

  test('Program.places is exactly what the articles say runs each program', async () => {
    const expected = extractedLinks();
    const programs = await allPrograms();
    expect(programs.length).toBeGreaterThan(20);
    for (const p of programs) {
      const got = new Set(p.places.map((x) => x.name));
      expect({ program: p.name, places: [...got].sort() }).toEqual({
        program: p.name,
        places: [...(expected.get(p.name) ?? new Set<string>())].sort(),
      });
    }
  });

  test('Place.programs agrees with Program.places in reverse', async () => {
    const programs = await allPrograms();
    const pairs = new Set(programs.flatMap((p) => p.places.map((x) => `${p.name}→${x.name}`)));
    const placeNames = [...new Set(programs.flatMap((p) => p.places.map((x) => x.name)))];
    const reverse = new Set<string>();
    for (const name of placeNames) {
      const d = await api.data(
        'query($n: String) { place(name: $n) { name programs(first: 100) { name } } }',
        {
          n: name,
        },
      );
      for (const p of d.place?.programs ?? []) reverse.add(`${p.name}→${d.place.name}`);
    }
    for (const pair of pairs) expect(reverse).toContain(pair);
  });

  test('领头羊工程 runs in the places its sentences name, not in their parents', async () => {
    // 000: "廊坊大力实施农村“领头羊”工程" → 廊坊市 (河北省 is its parent, implied by PART_OF, not linked by 000)
    const d = await api.data('{ program(name: "领头羊") { places(first: 20) { name parent { name } } } }');
    const names = d.program.places.map((p: { name: string }) => p.name);
    expect(names).toContain('廊坊市');
  });
});
