import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Paths are resolved from this file, so `vitest --config ../../vitest.config.ts` works from a package. */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** One vitest project per folder of `dir` that has a test/ folder, named `${prefix}${folder}`. */
const projectsIn = (dir: string, prefix: string) =>
  existsSync(here(dir))
    ? readdirSync(here(dir), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(here(`${dir}/${entry.name}/test`)))
        .map((entry) => ({
          extends: true as const,
          test: {
            name: `${prefix}${entry.name}`,
            root: here(`${dir}/${entry.name}`),
            include: ['test/**/*.test.ts'],
          },
        }))
    : [];

/** Packages (`dvc`, …), actions (`action-train`, …) and the end-to-end suite in test/. */
const packageProjects = [...projectsIn('packages', ''), ...projectsIn('actions', 'action-')];

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
