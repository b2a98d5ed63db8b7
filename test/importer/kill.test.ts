/**
 * The importer killed mid-run (SIGKILL) and started again ends with the same graph as an
 * uninterrupted run: one transaction per document, and re-imports skip what is stored. On
 * every engine; on Neo4j the interrupted and the clean run share the one database, one after
 * the other.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Row } from '../../src/graph/runner';
import { GraphStore } from '../../src/graph/store';
import { describeEngines, tempDir, type StoreLocation } from '../helpers/engines';
import { CLI, ROOT, runCli } from '../helpers/cli';

const N = 120;

/** Rows in one order whatever order the engine returned them in (ties included). */
const sorted = (rows: Row[]) =>
  rows
    .map((r) => JSON.stringify(r))
    .sort()
    .map((r) => JSON.parse(r) as Row);

/**
 * The whole graph as comparable data: every node (by id; a metric, which has none, by its
 * document and offset) and every relationship with its evidence.
 */
async function snapshot(at: StoreLocation) {
  const store = new GraphStore(await at.open());
  try {
    const nodes = await store.runner.read(
      'MATCH (n) RETURN labels(n)[0] AS label, n.id AS id, n.doc AS doc, n.at AS at',
    );
    const rels = await store.runner.read(
      `MATCH (a)-[r]->(b) RETURN a.id AS a, a.doc AS aDoc, a.at AS aAt, type(r) AS t,
         b.id AS b, b.doc AS bDoc, b.at AS bAt, r.doc AS doc, r.key AS key`,
    );
    return { nodes: sorted(nodes), rels: sorted(rels) };
  } finally {
    await store.close();
  }
}

describeEngines('import killed', (engine) => {
  test('SIGKILL mid-import, then a second run, equals one uninterrupted run', async () => {
    const dir = tempDir('kg-kill-');
    try {
      // A corpus big enough to kill in the middle: the bundled articles with a varying closing line.
      const input = path.join(dir, 'input');
      fs.mkdirSync(input);
      const articles = fs.readdirSync(path.join(ROOT, 'import')).filter((f) => f.endsWith('.txt'));
      for (let i = 0; i < N; i++) {
        const name = articles[i % articles.length] as string;
        const text = fs.readFileSync(path.join(ROOT, 'import', name), 'utf8');
        fs.writeFileSync(
          path.join(input, `${String(i).padStart(4, '0')}_${name}`),
          `${text}\n全市新建党群服务中心${i + 1}个。\n`,
        );
      }
      const killed = engine.at(path.join(dir, 'killed'));
      await killed.empty();
      const child = spawn(process.execPath, [CLI, 'import', input], {
        cwd: ROOT,
        env: { ...process.env, ...killed.env, KG_WORKERS: '2' },
      });
      let progress = '';
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (b) => {
          progress += b;
          // Non-TTY progress logs one JSON line per file: kill once a quarter is done.
          if ((progress.match(/\[\d+\/\d+\] imported/g) ?? []).length >= N / 4 && child.exitCode === null) {
            child.kill('SIGKILL');
          }
        });
        child.on('exit', () => resolve());
      });
      expect(child.signalCode).toBe('SIGKILL');
      const partial = await snapshot(killed);
      const partialDocs = partial.nodes.filter((n) => n.label === 'Document').length;
      expect(partialDocs).toBeGreaterThan(0);
      expect(partialDocs).toBeLessThan(N);

      const resumed = await runCli(['import', input], { ...killed.env, KG_WORKERS: '2' }, 300000);
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).toMatch(
        new RegExp(`${N} files: \\d+ imported, ${partialDocs} unchanged, 0 failed`),
      );

      const a = await snapshot(killed);
      // On Neo4j `clean` is the database `killed` was: emptied here, after its snapshot.
      const clean = engine.at(path.join(dir, 'clean'));
      await clean.empty();
      const once = await runCli(['import', input], { ...clean.env, KG_WORKERS: '2' }, 300000);
      expect(once.code).toBe(0);
      const b = await snapshot(clean);
      expect(a.nodes.filter((n) => n.label === 'Document')).toHaveLength(N);
      expect(a.nodes).toEqual(b.nodes);
      expect(a.rels).toEqual(b.rels);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 600000);
});
