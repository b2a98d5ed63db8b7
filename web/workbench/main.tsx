/**
 * The offline query workbench served at GET /graphql: GraphiQL 5 (Monaco editors, schema docs,
 * history, a headers editor), bundled by scripts/build-web.js. Queries go to this page's own
 * origin only; the README's example queries open as tabs.
 */
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

interface Example {
  title: string;
  query: string;
}
// Filled in at build time from README.md's "Example queries".
declare const __EXAMPLES__: Example[];

interface MonacoWorkerEnv {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
}
// Monaco's language services run in workers bundled beside this file (no blob: or CDN workers).
(globalThis as MonacoWorkerEnv).MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(`/web/workbench/${name}.worker.js`);
  },
};

const endpoint = new URL('/graphql', window.location.href).toString();

/** POSTs the operation to this server's /graphql with the headers of the headers editor. */
async function fetcher(
  params: { query: string; variables?: unknown; operationName?: string | null },
  options?: { headers?: Record<string, string> },
): Promise<unknown> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  return res.json();
}

const examples = __EXAMPLES__;
createRoot(document.getElementById('graphiql') as HTMLElement).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={examples.map((e) => ({ query: e.query }))}
    isHeadersEditorEnabled
    shouldPersistHeaders={false}
    defaultEditorToolsVisibility="headers"
  />,
);
