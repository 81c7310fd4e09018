import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDvcConfig } from '../src/dvc-config';
import { DvcConfigError } from '../src/errors';
import { HttpRemote } from '../src/http-remote';
import { LocalRemote } from '../src/local-remote';
import { openRemote } from '../src/remote';
import { S3Remote } from '../src/s3-remote';
import { scratch } from './helpers';

async function repoWith(config: string, local?: string): Promise<string> {
  const root = await scratch('dvc-config-');
  await mkdir(join(root, '.dvc'));
  await writeFile(join(root, '.dvc', 'config'), config);
  if (local !== undefined) await writeFile(join(root, '.dvc', 'config.local'), local);
  return root;
}

describe('cache.type', () => {
  it('is reflink,copy by default and read as a list, config.local overriding', async () => {
    expect((await readDvcConfig(await repoWith('[core]\n'))).cacheTypes).toEqual([
      'reflink',
      'copy',
    ]);
    const root = await repoWith(
      '[cache]\n    type = "hardlink, symlink"\n',
      '[cache]\ntype = symlink\n',
    );
    expect((await readDvcConfig(root)).cacheTypes).toEqual(['symlink']);
    const shared = await repoWith('[cache]\n    type = hardlink,copy\n');
    expect((await readDvcConfig(shared)).cacheTypes).toEqual(['hardlink', 'copy']);
  });

  it('refuses an unknown link type, naming the file, the value and the known types', async () => {
    const root = await repoWith('[cache]\n    type = reflink,softlink\n');
    const error = await readDvcConfig(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcConfigError);
    expect((error as DvcConfigError).file).toBe(join(root, '.dvc', 'config'));
    expect((error as Error).message).toContain('cache.type: unknown link type "softlink"');
    expect((error as Error).message).toContain('reflink, copy, hardlink, symlink');
  });
});

describe('readDvcConfig', () => {
  it('parses quoted section names, quoted values, spaces and comments', async () => {
    const root = await repoWith(
      [
        '# comment',
        '[core]',
        '    remote = storage   ',
        '[\'remote "storage"\']',
        "    url = 'https://example.test/dvc store'",
        '[remote "backup"]',
        '  url=/abs/backup # trailing comment',
        '; another comment',
        '    timeout = 30',
      ].join('\n'),
    );
    const config = await readDvcConfig(root);
    expect(config.defaultRemote).toBe('storage');
    expect(config.remotes.storage?.url).toBe('https://example.test/dvc store');
    expect(config.remotes.backup?.url).toBe('/abs/backup');
    expect(config.remotes.backup?.options.timeout).toBe('30');
    expect(config.cacheDir).toBe(join(root, '.dvc', 'cache'));
  });

  it('resolves a relative local remote against .dvc/ whatever the cwd', async () => {
    const root = await repoWith(
      '[core]\nremote = local\n[\'remote "local"\']\nurl = ../dvc-remote\n',
    );
    const before = process.cwd();
    try {
      process.chdir(await scratch('dvc-cwd-'));
      const config = await readDvcConfig(root);
      expect(config.remotes.local?.url).toBe(join(root, 'dvc-remote'));
      expect(config.remotes.local?.rawUrl).toBe('../dvc-remote');
    } finally {
      process.chdir(before);
    }
  });

  it('lets config.local override core.remote and remote settings', async () => {
    const root = await repoWith(
      '[core]\nremote = a\n[\'remote "a"\']\nurl = one\n[\'remote "b"\']\nurl = two\n',
      '[core]\nremote = b\n[\'remote "b"\']\nurl = /elsewhere\n',
    );
    const config = await readDvcConfig(root);
    expect(config.defaultRemote).toBe('b');
    expect(config.remotes.a?.url).toBe(join(root, '.dvc', 'one'));
    expect(config.remotes.b?.url).toBe('/elsewhere');
    expect(config.files).toHaveLength(2);
  });

  it('resolves cache.dir against .dvc/', async () => {
    const root = await repoWith('[cache]\ndir = ../shared-cache\n');
    expect((await readDvcConfig(root)).cacheDir).toBe(join(root, 'shared-cache'));
  });

  it('treats a repository without config files as empty', async () => {
    const root = await scratch();
    const config = await readDvcConfig(root);
    expect(config.remotes).toEqual({});
    expect(config.defaultRemote).toBeUndefined();
  });

  it('reports the file and line of a malformed line', async () => {
    const root = await repoWith('[core]\nremote storage\n');
    const error = await readDvcConfig(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DvcConfigError);
    expect((error as Error).message).toContain(`${join(root, '.dvc', 'config')}:2`);
  });

  it('rejects core.remote naming an undefined remote', async () => {
    const root = await repoWith('[core]\nremote = ghost\n');
    await expect(readDvcConfig(root)).rejects.toThrow(/ghost/);
  });
});

describe('openRemote', () => {
  it('opens the default remote as local, HTTP or S3 by its URL and errors on unknown names', async () => {
    const root = await repoWith(
      '[core]\nremote = l\n[\'remote "l"\']\nurl = store\n[\'remote "h"\']\nurl = http://127.0.0.1:1/x\n[\'remote "s"\']\nurl = s3://bucket/x\n[\'remote "f"\']\nurl = ftp://host/x\n',
    );
    const config = await readDvcConfig(root);
    expect(openRemote(config)).toBeInstanceOf(LocalRemote);
    expect(openRemote(config).url).toBe(join(root, '.dvc', 'store'));
    expect(openRemote(config, 'h')).toBeInstanceOf(HttpRemote);
    expect(() => openRemote(config, 'nope')).toThrow(DvcConfigError);
    expect(openRemote(config, 's')).toBeInstanceOf(S3Remote);
    expect(() => openRemote(config, 'f')).toThrow(/unsupported remote scheme/);
  });
});
