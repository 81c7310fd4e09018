// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are GitHub ${{ }} expressions, not template literals
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFiles } from '../src/hash-files';
import { interpolate } from '../src/index';

const workspace = mkdtempSync(join(tmpdir(), 'hash-files-'));
mkdirSync(join(workspace, 'dir', 'sub'), { recursive: true });
mkdirSync(join(workspace, '.git'));
writeFileSync(join(workspace, 'a.txt'), 'alpha\n');
writeFileSync(join(workspace, 'dir', 'b.json'), '{}\n');
writeFileSync(join(workspace, 'dir', 'sub', 'c.json'), '[]\n');
writeFileSync(join(workspace, '.git', 'd.json'), 'ignored\n');
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

// Expected values: Python's hashlib, sha256 over the concatenated sha256 digests in path order.
describe('hashFiles', () => {
  it('hashes the digests of the matched files in path order, as GitHub does', () => {
    expect(hashFiles(workspace, ['**/*.json'])).toBe(
      '0ce12cc7c0bd7d0527b6bffd593a9d3c6f800feaeb88fe331e11565f2311d8d7',
    );
    expect(hashFiles(workspace, ['a.txt'])).toBe(
      '4bb706b95c7ea23f44bc5d035ad8841af479871295d2ae0c685d07174705c880',
    );
  });

  it('takes several patterns, exclusions, and returns empty when nothing matches', () => {
    expect(hashFiles(workspace, ['*.txt', 'dir/*.json'])).toBe(
      '691296d7b39fe5d1ae4a025797a3c96b0d9d887634e7d72b1def7239f8faff98',
    );
    expect(hashFiles(workspace, ['**/*.json', '!dir/sub/**'])).toBe(
      hashFiles(workspace, ['dir/b.json']),
    );
    expect(hashFiles(workspace, ['*.lock'])).toBe('');
  });

  it('is what ${{ hashFiles(...) }} gives in a workflow, over github.workspace', () => {
    const scope = { failed: false, contexts: { github: { workspace }, runner: { os: 'Linux' } } };
    expect(interpolate("key-${{ runner.os }}-${{ hashFiles('a.txt') }}", scope)).toBe(
      'key-Linux-4bb706b95c7ea23f44bc5d035ad8841af479871295d2ae0c685d07174705c880',
    );
  });
});
