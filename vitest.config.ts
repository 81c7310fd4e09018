import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Paths are resolved from this file, so `vitest --config ../../vitest.config.ts` works from a package. */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** One vitest project per package that has a test/ folder, plus the end-to-end suite in test/. */
const packageProjects = readdirSync(here('packages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(here(`packages/${entry.name}/test`)))
  .map((entry) => ({
    extends: true as const,
    test: {
      name: entry.name,
      root: here(`packages/${entry.name}`),
      include: ['test/**/*.test.ts'],
    },
  }));

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      ...packageProjects,
      {
        extends: true,
        test: {
          name: 'e2e',
          root: here('test'),
          include: ['**/*.test.ts'],
          globalSetup: ['./global-setup.ts'],
        },
      },
    ],
  },
});
