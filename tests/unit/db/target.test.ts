import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTarget, resolveDatabaseTarget } from '../../../lib/db/target';

describe('resolveDatabaseTarget', () => {
  const cwd = '/srv/tend';
  it.each([
    [undefined, { kind: 'pglite', dataDir: path.resolve(cwd, '.data/pglite') }],
    ['', { kind: 'pglite', dataDir: path.resolve(cwd, '.data/pglite') }],
    ['pglite:', { kind: 'pglite', dataDir: path.resolve(cwd, '.data/pglite') }],
    ['pglite:memory', { kind: 'pglite', dataDir: null }],
    ['pglite:./var/db', { kind: 'pglite', dataDir: '/srv/tend/var/db' }],
    ['pglite:/var/lib/tend', { kind: 'pglite', dataDir: '/var/lib/tend' }],
    ['pglite:///var/lib/tend', { kind: 'pglite', dataDir: '/var/lib/tend' }],
    ['postgresql://u:p@db:5432/tend', { kind: 'postgres', url: 'postgresql://u:p@db:5432/tend' }],
    ['postgres://db/tend', { kind: 'postgres', url: 'postgres://db/tend' }],
  ])('%s', (url, expected) => {
    expect(resolveDatabaseTarget(url, cwd)).toEqual(expected);
  });

  it('names what it expected when the URL is of another kind', () => {
    expect(() => resolveDatabaseTarget('mysql://db/tend', cwd)).toThrow(/must start with postgresql:\/\/ .* or pglite:.*got "mysql:…"/);
  });

  it('never puts a password in a description', () => {
    const text = describeTarget({ kind: 'postgres', url: 'postgresql://tend:s3cret@db.internal:6543/tend' });
    expect(text).toBe('PostgreSQL at db.internal:6543/tend');
    expect(text).not.toContain('s3cret');
  });
});
