import { nodesByIds } from './cypher/fields';
import { expandByNameQuery, expandQuery, pageExpandQuery } from './cypher/hops';
import { listQuery } from './cypher/lists';
import { RELATION_FIELDS } from './cypher/relations';
import { DOCUMENT_EXISTS } from './cypher/write';
import { queryName } from './queryNames';

test('a named constant or builder gives its name', () => {
  expect(queryName(DOCUMENT_EXISTS)).toBe('DOCUMENT_EXISTS');
  expect(queryName(nodesByIds('Person'))).toBe('nodesByIds.Person');
  expect(queryName(RELATION_FIELDS['Place.programs'].query)).toBe('Place.programs');
});

test('a text built per filter combination gets a stable name from its shape', () => {
  const q = listQuery('places', ['level']);
  const name = queryName(q.page);
  expect(name).toMatch(/^listPage\.Place\.[0-9a-f]{6}$/);
  expect(queryName(q.page)).toBe(name);
  expect(queryName(listQuery('places', ['nameContains']).page)).not.toBe(name);
  expect(queryName(q.count)).toMatch(/^listCount\.Place\.[0-9a-f]{6}$/);
});

test('statements that read nodes with their hops are named by how they find the nodes', () => {
  const hops = [{ hop: 'Program.places' as const, limit: 5 }];
  const page = listQuery('programs', []);
  expect(queryName(pageExpandQuery('Program', page.parts, hops))).toMatch(
    /^listPageWithHops\.Program\.[0-9a-f]{6}$/,
  );
  expect(queryName(expandByNameQuery('Place', [{ hop: 'Place.programs', limit: 5 }]))).toMatch(
    /^byNameWithHops\.Place\.[0-9a-f]{6}$/,
  );
  expect(queryName(expandQuery('Program', hops))).toMatch(/^expand\.Program\.[0-9a-f]{6}$/);
  expect(queryName(listQuery('programs', [], { by: 'DOCUMENT_COUNT', descending: true }).page)).toMatch(
    /^listPage\.Program\./,
  );
});
