/**
 * The importer killed mid-run (SIGKILL) and started again ends with the same graph as an
 * uninterrupted run: one transaction per document, and re-imports skip what is stored.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openGrafeo } from '../../src/graph/drivers/grafeo';
import { GraphStore } from '../../src/graph/store';
import { tempDir } from '../helpers/engines';
import { CLI, ROOT, runCli } from '../helpers/cli';

const N = 120;

/** The whole graph as comparable data: node ids per label and relationship counts per type. */
async function snapshot(dataDir: string) {
  const store = new GraphStore(openGrafeo(dataDir));
  try {
    const nodes = await store.runner.read('MATCH (n) RETURN labels(n)[0] AS label, n.id AS id ORDER BY id');
    const rels = await store.runner.read(
      'MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, r.doc AS doc, r.key AS key ORDER BY a, t, b, doc, key',
    );
    return { nodes, rels };
  } finally {
    await store.close();
  }
}

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
    const env = { ...process.env, KG_STORE: 'grafeo', KG_WORKERS: '2' };

    const killed = path.join(dir, 'killed');
    const child = spawn(process.execPath, [CLI, 'import', input], {
      cwd: ROOT,
      env: { ...env, KG_DATA_DIR: killed },
    });
    let progress = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (b) => {
        progress += b;
        // Non-TTY progress prints one line per file: kill once a quarter is done.
        if ((progress.match(/^\[\d+\/\d+\] imported/gm) ?? []).length >= N / 4 && child.exitCode === null) {
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

    const resumed = await runCli(['import', input], { KG_DATA_DIR: killed, KG_WORKERS: '2' }, 300000);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(
      new RegExp(`${N} files: \\d+ imported, ${partialDocs} unchanged, 0 failed`),
    );

    const clean = path.join(dir, 'clean');
    const once = await runCli(['import', input], { KG_DATA_DIR: clean, KG_WORKERS: '2' }, 300000);
    expect(once.code).toBe(0);

    const [a, b] = [await snapshot(killed), await snapshot(clean)];
    expect(a.nodes.filter((n) => n.label === 'Document')).toHaveLength(N);
    expect(a.nodes).toEqual(b.nodes);
    expect(a.rels).toEqual(b.rels);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 600000);
