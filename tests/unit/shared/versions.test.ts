import { describe, expect, it } from 'vitest';
import { isFactmarkError } from '../../../shared/errors.js';
import { CURRENT_VERSION, MIGRATIONS, migrateToCurrent, type Migration } from '../../../shared/model/versions.js';

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isFactmarkError(error)) return error;
  }
  throw new Error('expected a FactmarkError');
}

describe('format versions', () => {
  it('reads the current version as it is', () => {
    const data = { format: 'factmark-entities', version: CURRENT_VERSION, entities: [] };
    expect(migrateToCurrent('factmark-entities', data, 'entities.json')).toEqual(data);
  });

  it('refuses a newer version with a message that says what to do', () => {
    const error = errorOf(() => migrateToCurrent('factmark-annotations', { format: 'factmark-annotations', version: CURRENT_VERSION + 1 }, 'annotations/bob/d_1.json'));
    expect(error.code).toBe('NEWER_VERSION');
    expect(error.message).toContain('annotations/bob/d_1.json');
    expect(error.message).toContain('Update Factmark');
  });

  it('refuses a file of another format or without a version', () => {
    expect(errorOf(() => migrateToCurrent('factmark-document', { format: 'factmark-annotations', version: 1 }, 'x.json')).code).toBe('UNKNOWN_FORMAT');
    expect(errorOf(() => migrateToCurrent('factmark-document', { version: 1 }, 'x.json')).code).toBe('UNKNOWN_FORMAT');
    expect(errorOf(() => migrateToCurrent('factmark-document', { format: 'factmark-document', version: '1' }, 'x.json')).code).toBe('INVALID');
  });

  it('runs the migration steps in order up to the current version', () => {
    // A pretend future in which entities.json reached version 3.
    const table = {
      currentVersion: 3,
      migrations: {
        ...MIGRATIONS,
        'factmark-entities': {
          1: (data: Record<string, unknown>) => ({ ...data, entities: [], steps: ['1->2'] }),
          2: (data: Record<string, unknown>) => ({ ...data, steps: [...(data.steps as string[]), '2->3'] }),
        } satisfies Record<number, Migration>,
      },
    };
    expect(migrateToCurrent('factmark-entities', { format: 'factmark-entities', version: 1 }, 'e.json', table)).toEqual({
      format: 'factmark-entities',
      version: 3,
      entities: [],
      steps: ['1->2', '2->3'],
    });
    expect(migrateToCurrent('factmark-entities', { format: 'factmark-entities', version: 2, steps: [] }, 'e.json', table)).toMatchObject({ version: 3, steps: ['2->3'] });
    const missing = { ...table, migrations: { ...table.migrations, 'factmark-entities': {} } };
    expect(errorOf(() => migrateToCurrent('factmark-entities', { format: 'factmark-entities', version: 1 }, 'e.json', missing)).message).toContain('no migration from factmark-entities version 1');
  });
});
