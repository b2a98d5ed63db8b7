import { KgError } from '../../errors';
import { present } from './util';

describe('present (the values of DataLoader.loadMany)', () => {
  test('drops absent keys (null) and keeps the order of the others', () => {
    expect(present(['a', null, 'b'])).toEqual(['a', 'b']);
  });

  test('a failed key fails the field with its coded error, not a shorter list', () => {
    const down = new KgError('STORE_UNAVAILABLE', 'the embedded store is closed');
    expect(() => present(['a', down, null])).toThrow(down);
  });

  test('an uncoded failure becomes STORE_ERROR naming the cause', () => {
    let thrown: unknown;
    try {
      present(['a', new Error('socket hang up')]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(KgError);
    expect(thrown).toMatchObject({ code: 'STORE_ERROR', message: 'a batch load failed: socket hang up' });
  });
});
