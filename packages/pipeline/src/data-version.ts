import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatPointer, pull, readDvcConfig, readPointer } from '@repo/dvc';
import { DATA_POINTER } from './data-steps';

const iniValue = (value: string) => (/[#;"']|^\s|\s$/.test(value) ? `'${value}'` : value);

/** `.dvc/config` for a scratch root that reads `root`'s remotes and shares its cache. */
async function scratchConfig(root: string): Promise<string> {
  const config = await readDvcConfig(root);
  const lines: string[] = [];
  if (config.defaultRemote !== undefined)
    lines.push('[core]', `    remote = ${config.defaultRemote}`);
  for (const remote of Object.values(config.remotes)) {
    lines.push(`['remote "${remote.name}"']`);
    for (const [key, value] of Object.entries(remote.options)) {
      lines.push(`    ${key} = ${iniValue(key === 'url' ? remote.url : value)}`);
    }
  }
  lines.push('[cache]', `    dir = ${iniValue(config.cacheDir)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Checks out the data version `dataMd5` (as lineage records it: the pointer's md5s joined by `+`)
 * into a new scratch folder, as `data.dvc` would with those md5s: from `root`'s DVC cache, else
 * from its remote, every object verified (`@repo/dvc`'s pull). The workspace of `root` is not
 * touched. Returns the scratch root; the caller removes it. Throws the DVC errors when the cache
 * and the remote cannot serve it.
 */
export async function checkoutDataVersion(root: string, dataMd5: string): Promise<string> {
  const md5s = dataMd5.split('+');
  const pointerFile = join(root, DATA_POINTER);
  const paths = existsSync(pointerFile)
    ? (await readPointer(pointerFile)).outs.map((out) => out.path)
    : ['data'];
  if (paths.length !== md5s.length) {
    throw new RangeError(
      `data version ${dataMd5} has ${md5s.length} outputs, ${DATA_POINTER} has ${paths.length}`,
    );
  }
  const scratch = await mkdtemp(join(tmpdir(), 'mlops-data-version-'));
  try {
    await mkdir(join(scratch, '.dvc'));
    await writeFile(join(scratch, '.dvc', 'config'), await scratchConfig(root));
    const outs = md5s.map((md5, i) => ({ path: paths[i] as string, md5, size: 0 }));
    await writeFile(join(scratch, DATA_POINTER), formatPointer(outs));
    await pull({ root: scratch, pointer: DATA_POINTER });
    return scratch;
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
}
