import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileRegistry } from '../src/file-registry';
import { describeRegistryContract } from './contract/registry-contract';

describeRegistryContract('FileRegistry', async () => {
  const root = await mkdtemp(join(tmpdir(), 'registry-contract-root-'));
  return {
    registry: new FileRegistry(root),
    tamper: (model, version, asset) => writeFile(join(root, model, version, asset), 'tampered'),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});
