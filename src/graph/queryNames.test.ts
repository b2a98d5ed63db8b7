import { nodesByIds } from './cypher/fields';
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
