import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyError } from '@repo/pipeline';
import { RegistryLockedError } from '@repo/registry';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../src/error-message';
import { UsageError } from '../src/usage-error';

const packagesDir = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Packages whose errors are not yet given exit codes because their errors never reach `mlops`
 * (they run inside GitHub Actions or a test emulator) and another part of the tree owns them.
 */
const NOT_CHECKED = new Set(['github-emulator']);

/** The packages under packages/ that have an index (src/index.ts), by folder name. */
const packages = readdirSync(packagesDir).filter((name) => {
  try {
    return readFileSync(join(packagesDir, name, 'src/index.ts'), 'utf8').length > 0;
  } catch {
    return false;
  }
});

/**
 * An argument that is anything a constructor asks of it (a string, an array, an object, a
 * function): error classes are built with it to read the `exitCode` each instance carries.
 */
const anything: unknown = new Proxy(() => {}, {
  get: (_target, key) => {
    if (key === Symbol.toPrimitive) return () => 'x';
    if (key === Symbol.iterator) return function* () {};
    return anything;
  },
  apply: () => anything,
  construct: () => anything as object,
});

type ErrorClass = new (...args: unknown[]) => Error;

/** Every exported class of a module that extends Error. */
function errorClasses(module: Record<string, unknown>): [string, ErrorClass][] {
  return Object.entries(module).filter(
    (entry): entry is [string, ErrorClass] =>
      typeof entry[1] === 'function' && entry[1].prototype instanceof Error,
  );
}

describe('every error class carries its own exit code', () => {
  for (const name of packages.filter((p) => !NOT_CHECKED.has(p))) {
    it(`gives every Error subclass exported by @repo/${name} an exit code of 2, 3, 4 or 70`, async () => {
      const module = (await import(`@repo/${name}`)) as Record<string, unknown>;
      for (const [exported, ErrorClass] of errorClasses(module)) {
        const error = new ErrorClass(anything, anything, anything, anything, anything);
        expect((error as { exitCode?: unknown }).exitCode, `${name}: ${exported}`).toBeOneOf([
          2, 3, 4, 70,
        ]);
      }
    });
  }

  it('finds the error classes it checks (the package indexes export them)', async () => {
    const module = (await import('@repo/registry')) as Record<string, unknown>;
    expect(errorClasses(module).map(([name]) => name)).toContain('RegistryLockedError');
  });

  it('classifies an error by the exit code its class carries', () => {
    expect(classifyError(new UsageError('x'))).toBe('usage');
    expect(classifyError(new RegistryLockedError('held'))).toBe('input');
    expect(classifyError(new TypeError('a bug'))).toBe('internal');
  });

  it('classifies a path that does not exist as an input error, and a full disk as internal', () => {
    const missing = Object.assign(new Error("ENOENT: no such file or directory, open 'x.csv'"), {
      code: 'ENOENT',
      path: 'x.csv',
    });
    expect(classifyError(missing)).toBe('input');
    const full = Object.assign(new Error('ENOSPC: no space left on device'), {
      code: 'ENOSPC',
      path: 'x.csv',
    });
    expect(classifyError(full)).toBe('internal');
  });
});

describe('the message of a busy registry', () => {
  it('says to try again', () => {
    const message = errorMessage(new RegistryLockedError('.mlops/registry/.lock is held by pid 7'));
    expect(message).toBe(
      '.mlops/registry/.lock is held by pid 7 Another mlops process is writing to the registry: try again when it is done.',
    );
  });
});
