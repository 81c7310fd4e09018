import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'kernel-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const source = fileURLToPath(new URL('../src/index.ts', import.meta.url));

describe('the worker threads in a minified bundle (as the actions ship them)', () => {
  it('train on 2 threads to the bits of 1 thread, and let the process exit', async () => {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      [
        `import { createHash } from 'node:crypto';`,
        `import { DataParallelTrainer, networkLayout } from ${JSON.stringify(source)};`,
        `const layout = networkLayout([5, 8, 4, 1], 'tanh', 'regression');`,
        'const rows = 90;',
        'const x = Float32Array.from({ length: rows * 5 }, (_, i) => Math.sin(i));',
        'const y = Float32Array.from({ length: rows }, (_, i) => Math.cos(i));',
        'const out = {};',
        'for (const threads of [1, 2]) {',
        '  const t = new DataParallelTrainer({ layout, x, y, rows, maxBatch: 30, threads });',
        '  t.engine.params.set(t.engine.params.map((_, i) => ((i * 7) % 11) / 50));',
        '  await t.ready();',
        '  for (let i = 0; i < rows; i++) t.order[i] = i;',
        '  for (let s = 0, step = 1; s < rows; s += 30, step++) {',
        '    t.step(s, 30);',
        '    t.engine.adam(step, 0.01, 0.9, 0.999, 1e-7);',
        '  }',
        `  out[threads] = { used: t.threads, fallback: t.fallback, hash: createHash('sha256').update(t.engine.params).digest('hex') };`,
        '  await t.close();',
        '}',
        'console.log(JSON.stringify(out));',
      ].join('\n'),
    );
    const bundle = join(dir, 'bundle.mjs');
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      minify: true,
      outfile: bundle,
      logLevel: 'silent',
    });
    const printed = execFileSync(process.execPath, [bundle], { encoding: 'utf8', timeout: 30_000 });
    const result = JSON.parse(printed) as Record<
      string,
      { used: number; fallback: string | null; hash: string }
    >;
    expect(result['2']?.used).toBe(2);
    expect(result['2']?.fallback).toBeNull();
    expect(result['2']?.hash).toBe(result['1']?.hash);
  });
});
