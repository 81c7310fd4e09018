import { describe, expect, it } from 'vitest';
import { createEpochProgress } from '../src/epoch-progress';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, isTTY, write: (chunk: string) => chunks.push(chunk) };
}

const report = (epoch: number, valLoss: number | null) => ({
  epoch,
  epochs: 4,
  loss: 0.123449,
  valLoss,
  ms: 119.6,
});

describe('createEpochProgress', () => {
  it('rewrites a single bar line with \\r in a terminal and ends it on done()', () => {
    const stream = fakeStream(true);
    const progress = createEpochProgress({ stream, isTTY: true, width: 8 });
    progress.onEpoch(report(1, 0.2));
    progress.onEpoch(report(2, 0.13011));
    progress.done();
    expect(stream.chunks).toEqual([
      '\repoch 1/4 [##......] loss 0.1234 val 0.2000 120ms\x1b[K',
      '\repoch 2/4 [####....] loss 0.1234 val 0.1301 120ms\x1b[K',
      '\n',
    ]);
  });

  it('writes one plain line per epoch in CI, without a bar or carriage returns', () => {
    const stream = fakeStream(true);
    const progress = createEpochProgress({ stream, isTTY: false });
    progress.onEpoch(report(1, null));
    progress.onEpoch(report(2, 0.5));
    progress.done();
    expect(stream.chunks).toEqual([
      'epoch 1/4 loss 0.1234 120ms\n',
      'epoch 2/4 loss 0.1234 val 0.5000 120ms\n',
    ]);
  });

  it('treats a terminal as CI when the CI variable is set', () => {
    const previous = process.env.CI;
    process.env.CI = 'true';
    try {
      const stream = fakeStream(true);
      createEpochProgress({ stream }).onEpoch(report(1, null));
      expect(stream.chunks).toEqual(['epoch 1/4 loss 0.1234 120ms\n']);
    } finally {
      if (previous === undefined) delete process.env.CI;
      else process.env.CI = previous;
    }
  });

  it('draws the bar when the stream is a terminal and CI is unset', () => {
    const previous = process.env.CI;
    delete process.env.CI;
    try {
      const stream = fakeStream(true);
      createEpochProgress({ stream }).onEpoch(report(4, null));
      expect(stream.chunks[0]).toMatch(/^\repoch 4\/4 \[#{20}\] loss/);
    } finally {
      if (previous !== undefined) process.env.CI = previous;
    }
  });
});
