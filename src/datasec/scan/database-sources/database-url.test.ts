import { describe, expect, it } from 'vitest';
import { databaseKindOf, isDatabaseUrl, maskDatabaseUrl, scrubPassword } from './database-url.js';

describe('database URLs', () => {
  it('tells database URLs from paths, by scheme', () => {
    expect(databaseKindOf('postgres://u@h/db')).toBe('postgres');
    expect(databaseKindOf('PostgreSQL://u@h/db')).toBe('postgres');
    expect(databaseKindOf('mysql://root@127.0.0.1:3306/test')).toBe('mysql');
    expect(databaseKindOf('mariadb://root@h/shop')).toBe('mysql');
    expect(databaseKindOf('exports/customers.csv')).toBeUndefined();
    expect(databaseKindOf('C:\\data\\x.csv')).toBeUndefined();
    expect(databaseKindOf('https://example.com/x')).toBeUndefined();
    expect(isDatabaseUrl('postgres:relative-file')).toBe(false);
  });

  it('masks the password, and only the password', () => {
    expect(maskDatabaseUrl('postgres://auditor:s3cret@db.example:5432/crm')).toBe('postgres://auditor:***@db.example:5432/crm');
    expect(maskDatabaseUrl('mysql://root:p%40ss:word@127.0.0.1/test?ssl=true')).toBe('mysql://root:***@127.0.0.1/test?ssl=true');
    expect(maskDatabaseUrl('mysql://root@127.0.0.1/test')).toBe('mysql://root@127.0.0.1/test');
    expect(maskDatabaseUrl('postgres://h/db')).toBe('postgres://h/db');
    // Broken beyond parsing: masked all the same.
    expect(maskDatabaseUrl('postgres://u:pw@[::1/db')).toBe('postgres://u:***@[::1/db');
  });

  it('scrubs the password, raw and decoded, from a driver message', () => {
    const url = 'postgres://u:p%40ss@h/db';
    expect(scrubPassword(`failed for ${url} with p@ss and p%40ss`, url)).toBe('failed for postgres://u:***@h/db with *** and ***');
    expect(scrubPassword('nothing to hide', 'mysql://root@h/x')).toBe('nothing to hide');
  });
});
