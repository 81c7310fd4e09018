import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReleaseFormatError } from '../src/errors';
import { readReleaseMetadata } from '../src/release-metadata';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function trainingJson(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'serving-metadata-'));
  dirs.push(dir);
  const path = join(dir, 'training.json');
  await writeFile(path, content);
  return path;
}

describe('readReleaseMetadata', () => {
  it('reads the task and the input schema of a training record', async () => {
    const path = await trainingJson(
      JSON.stringify({
        model: 'm',
        config: { task: 'classification', seed: 1 },
        inputSchema: [
          { name: 'age', type: 'numeric' },
          { name: 'city', type: 'categorical' },
        ],
      }),
    );
    expect(await readReleaseMetadata(path)).toEqual({
      task: 'classification',
      inputSchema: [
        { name: 'age', type: 'numeric' },
        { name: 'city', type: 'categorical' },
      ],
    });
  });

  it('carries the min and max the config declares for a feature', async () => {
    const path = await trainingJson(
      JSON.stringify({
        config: {
          task: 'regression',
          features: [
            { name: 'age', type: 'numeric', min: 0, max: 120 },
            { name: 'rooms', type: 'numeric', min: 1 },
            { name: 'city', type: 'categorical' },
          ],
        },
        inputSchema: [
          { name: 'age', type: 'numeric' },
          { name: 'rooms', type: 'numeric' },
          { name: 'city', type: 'categorical' },
        ],
      }),
    );
    expect((await readReleaseMetadata(path)).inputSchema).toStrictEqual([
      { name: 'age', type: 'numeric', min: 0, max: 120 },
      { name: 'rooms', type: 'numeric', min: 1 },
      { name: 'city', type: 'categorical' },
    ]);
  });

  it('names the file and field that is missing or malformed', async () => {
    const noTask = await trainingJson('{"config": {}, "inputSchema": []}');
    await expect(readReleaseMetadata(noTask)).rejects.toThrow(/config\.task/);
    const badField = await trainingJson(
      '{"config": {"task": "regression"}, "inputSchema": [{"name": "a"}]}',
    );
    await expect(readReleaseMetadata(badField)).rejects.toThrow(/inputSchema\[0\]/);
    const notJson = await trainingJson('{');
    await expect(readReleaseMetadata(notJson)).rejects.toBeInstanceOf(ReleaseFormatError);
    await expect(
      readReleaseMetadata(join(tmpdir(), 'no-such-dir', 'training.json')),
    ).rejects.toThrow(/cannot be read/);
  });
});
