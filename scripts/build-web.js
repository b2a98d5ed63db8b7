#!/usr/bin/env node
/**
 * Bundles the browser pages of web/ into dist/web/ with esbuild (part of `npm run build`):
 * the offline GraphiQL workbench (web/workbench/, with Monaco's three workers as their own
 * files) and the explorer (web/explore/). Everything the pages load is in dist/web/, so the
 * API serves them with no CDN and no request leaving the machine. Each file also gets a .gz
 * and a .br twin, which the server sends to browsers that accept them.
 */
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist', 'web');

/**
 * The README's example queries ("### Example queries"): each ```graphql block with the
 * paragraph above it as its title, preloaded as the workbench's tabs.
 */
function readmeExamples() {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^### Example queries\s*$/m)[1]?.split(/^##+ /m)[0] ?? '';
  const examples = [];
  const block = /([^\n`][^`]*?)\n+```graphql\n([\s\S]*?)```/g;
  for (let m = block.exec(section); m; m = block.exec(section)) {
    const title = m[1].trim().split('\n').join(' ');
    // GraphiQL names a tab after its operation: "Which places run 双报到, …" → WhichPlacesRun.
    const words = title.match(/^[A-Za-z ]+/)?.[0].trim().split(/\s+/).slice(0, 5) ?? [];
    const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || `Example${examples.length + 1}`;
    const query = m[2].replace(/^\{/, `query ${name} {`);
    examples.push({ title, query: `# ${title}\n${query}` });
  }
  if (examples.length === 0) throw new Error('build-web: no ```graphql example found under "### Example queries" in README.md');
  return examples;
}

function compressAll(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) compressAll(file);
    else if (/\.(js|css|html|json|svg|map)$/.test(entry.name)) {
      const body = fs.readFileSync(file);
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      fs.writeFileSync(
        `${file}.br`,
        zlib.brotliCompressSync(body, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }),
      );
    }
  }
}

async function main() {
  const started = Date.now();
  fs.rmSync(out, { recursive: true, force: true });
  const common = {
    bundle: true,
    minify: true,
    legalComments: 'linked',
    target: ['es2022'],
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir: path.join(out, 'workbench'),
    format: 'iife',
  });
  await esbuild.build({
    ...common,
    entryPoints: { workbench: path.join(root, 'web/workbench/main.tsx') },
    outdir: path.join(out, 'workbench'),
    format: 'iife',
    jsx: 'automatic',
    loader: { '.ttf': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl' },
    define: { ...common.define, __EXAMPLES__: JSON.stringify(readmeExamples()) },
  });
  await esbuild.build({
    ...common,
    entryPoints: { explore: path.join(root, 'web/explore/main.ts') },
    outdir: path.join(out, 'explore'),
    format: 'iife',
  });
  fs.copyFileSync(path.join(root, 'web/workbench/index.html'), path.join(out, 'workbench/index.html'));
  fs.copyFileSync(path.join(root, 'web/explore/index.html'), path.join(out, 'explore/index.html'));
  compressAll(out);
  console.log(`build-web: dist/web in ${Date.now() - started} ms`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
