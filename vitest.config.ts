import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/** One vitest project per package that has a test/ folder, plus the end-to-end suite in test/. */
const packageProjects = readdirSync('packages', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`packages/${entry.name}/test`))
  .map((entry) => ({
    extends: true as const,
    test: {
      name: entry.name,
      root: `packages/${entry.name}`,
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
          root: 'test',
          include: ['**/*.test.ts'],
          globalSetup: ['./global-setup.ts'],
        },
      },
    ],
  },
});
