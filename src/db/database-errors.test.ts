import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from './database-errors.js';

const withCode = (code: string, message = 'x'): Error => Object.assign(new Error(message), { code });

describe('databaseUnavailable', () => {
  it('recognises a database that is down, restarting, unreachable or full', () => {
    expect(databaseUnavailable(withCode('ECONNREFUSED'))).toBe('unreachable');
    expect(
      databaseUnavailable(withCode('57P01', 'terminating connection due to administrator command')),
    ).toBe('unreachable');
    expect(databaseUnavailable(withCode('57P03', 'the database system is shutting down'))).toBe(
      'unreachable',
    );
    expect(databaseUnavailable(withCode('08006'))).toBe('unreachable');
    expect(databaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
    expect(databaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe('unreachable');
    expect(databaseUnavailable(withCode('53100', 'could not extend file: No space left on device'))).toBe(
      'disk-full',
    );
  });

  it('leaves every other error alone', () => {
    expect(databaseUnavailable(withCode('23505', 'duplicate key'))).toBeNull();
    expect(databaseUnavailable(withCode('40001', 'could not serialize access'))).toBeNull();
    expect(databaseUnavailable(new Error('something else'))).toBeNull();
    expect(databaseUnavailable('not an error')).toBeNull();
  });
});
