import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killHard, runCliInTerminal, startPausedCli } from './helpers/paused-cli';
import { runCli } from './helpers/run-cli';
import { cloneTemplate, editFile, snapshotTree } from './helpers/template-repo';

const CSV = 'data/house-sales/sales.csv';

/** Every `*.tmp` file below `dir`, relative to it. */
function tempFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.tmp'));
}

/** A clone of the template with its data pulled. */
async function pulledClone(): Promise<string> {
  const root = cloneTemplate();
  const pulled = await runCli(['data', 'pull'], { cwd: root });
  expect(pulled.code, pulled.stderr).toBe(0);
  return root;
}

describe('data pull keeps edits that are not versioned', () => {
  it('refuses to overwrite an edited data file, names it, exits 3 and writes nothing', async () => {
    const root = await pulledClone();
    editFile(join(root, CSV), (csv) => `${csv}my,unsaved,row\n`);
    const before = snapshotTree(root);
    const run = await runCli(['data', 'pull', '--json'], { cwd: root });
    expect(run.code, run.stderr).toBe(3);
    const { error } = JSON.parse(run.stdout) as { error: { name: string; message: string } };
    expect(error.name).toBe('DvcWorkspaceConflictError');
    expect(run.stderr).toContain(CSV);
    expect(run.stderr).toContain('--force');
    expect(snapshotTree(root)).toEqual(before);
  });

  it('overwrites the edit with --force and says which file it discarded', async () => {
    const root = await pulledClone();
    const pulled = readFileSync(join(root, CSV), 'utf8');
    editFile(join(root, CSV), (csv) => `${csv}my,unsaved,row\n`);
    const run = await runCli(['data', 'pull', '--force'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`discarded the changes to ${CSV}`);
    expect(readFileSync(join(root, CSV), 'utf8')).toBe(pulled);
  });
});

describe('an interrupted pull leaves nothing a later command picks up', () => {
  for (const step of ['pull:checkout', 'pull:download']) {
    it(`leaves no temp file in data/ when killed at ${step}, and the next pull removes what it left`, async () => {
      const root = cloneTemplate();
      const marker = join(mkdtempSync(join(tmpdir(), 'mlops-pause-')), 'marker');
      const child = await startPausedCli(['data', 'pull'], { cwd: root, step, marker });
      await killHard(child);
      const leftDir = step === 'pull:checkout' ? '.dvc/tmp/checkout' : '.dvc/cache/tmp';
      expect(tempFilesUnder(join(root, leftDir))).not.toEqual([]);
      expect(tempFilesUnder(join(root, 'data'))).toEqual([]);

      const status = await runCli(['data', 'status', '--json'], { cwd: root });
      expect(status.code, status.stderr).toBe(0);
      const report = JSON.parse(status.stdout) as { changed: { relpath: string; state: string }[] };
      expect(report.changed.filter((c) => c.relpath.endsWith('.tmp'))).toEqual([]);

      const again = await runCli(['data', 'pull'], { cwd: root });
      expect(again.code, again.stderr).toBe(0);
      expect(tempFilesUnder(join(root, '.dvc'))).toEqual([]);
      expect(tempFilesUnder(join(root, 'data'))).toEqual([]);
      const clean = await runCli(['data', 'status', '--json'], { cwd: root });
      expect((JSON.parse(clean.stdout) as { workspace: string }).workspace).toBe('clean');
    });
  }
});

describe('data add refuses a path inside a tracked folder', () => {
  it('names the pointer that tracks the file, exits 3 and writes no pointer or .gitignore', async () => {
    const root = await pulledClone();
    const before = snapshotTree(root);
    const run = await runCli(['data', 'add', CSV], { cwd: root });
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain(
      `mlops: data.dvc: outs[0].path: ${CSV} is inside data, which this pointer already tracks`,
    );
    expect(snapshotTree(root)).toEqual(before);
    expect(existsSync(join(root, `${CSV}.dvc`))).toBe(false);
    expect(existsSync(join(root, 'data/house-sales/.gitignore'))).toBe(false);
  });
});

/** A clone whose data holds `megabytes` of random bytes more, pushed; and a fresh clone of it. */
async function cloneWithLargeData(megabytes: number): Promise<string> {
  const root = await pulledClone();
  writeFileSync(join(root, 'data/house-sales/large.bin'), randomBytes(megabytes * 1024 ** 2));
  for (const args of [
    ['data', 'add', 'data'],
    ['data', 'push'],
  ]) {
    const run = await runCli(args, { cwd: root });
    expect(run.code, run.stderr).toBe(0);
  }
  const fresh = mkdtempSync(join(tmpdir(), 'mlops-e2e-large-'));
  for (const path of ['data.dvc', '.dvc/config', '.dvc/.gitignore', '.dvc/storage']) {
    cpSync(join(root, path), join(fresh, path), { recursive: true });
  }
  return fresh;
}

describe('transfer progress is in bytes and quiet when small', () => {
  it('prints one line for the 1 MB pull of the template', async () => {
    const root = cloneTemplate();
    const run = await runCli(['data', 'pull'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^pulled 2 objects \([\d.]+ [KM]iB\), wrote 1 file, 0 unchanged\n$/);
  });

  it('logs a large pull in bytes of the total, at most a few lines', async () => {
    const root = await cloneWithLargeData(40);
    const run = await runCli(['data', 'pull'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(8);
    expect(run.stderr).toMatch(
      / {2}download: [\d.]+ MiB of 41\.0 MiB \(\d+%\), \d\/\d objects, [\d.]+ [KMG]i?B\/s/,
    );
    expect(run.stderr).toContain('download: 41.0 MiB of 41.0 MiB (100%)');
  });

  it('shows rate and ETA on one rewritten line in a terminal, erased at the end', async () => {
    const root = await cloneWithLargeData(40);
    const run = await runCliInTerminal(['data', 'pull'], { cwd: root });
    expect(run.code, run.stdout).toBe(0);
    // `\r` + erase-line marks each redraw of the live line.
    const shown = run.stdout.replaceAll('\r\u001b[K', '<redraw>');
    expect(shown).toMatch(
      /<redraw> {2}download: [\d.]+ [KM]iB of 41\.0 MiB \(\d+%\), [01]\/2 objects, [\d.]+ [KMG]iB\/s, ETA \d+s/,
    );
    const lines = shown.split(/\r?\n/).filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /<redraw>pulled 3 objects \([\d.]+ MiB\), wrote 2 files, 0 unchanged$/,
    );
  });
});
