import { documentId, entityId, labelOfId } from './ids';

const doc = documentId('廊坊市深入实施农村“领头羊”工程。');

test('a metric id names its document and the number’s offset', () => {
  const id = entityId('Metric', '57', doc);
  expect(id).toBe(`met_${doc.slice('doc_'.length)}_57`);
  expect(labelOfId(id)).toBe('Metric');
});

test('only metric ids carry an offset, and they always do', () => {
  const hash = doc.slice('doc_'.length);
  expect(labelOfId(`plc_${hash}`)).toBe('Place');
  expect(labelOfId(`plc_${hash}_57`)).toBeNull();
  expect(labelOfId(`met_${hash}`)).toBeNull();
  expect(labelOfId(`met_${hash}_5x`)).toBeNull();
  expect(labelOfId(`xyz_${hash}`)).toBeNull();
});
