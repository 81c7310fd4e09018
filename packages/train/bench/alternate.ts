/**
 * Alternates our jobs with a Python baseline, round by round (Python, then ours, then Python …),
 * so that a shared machine that slows down or speeds up during the bench weighs on both alike:
 * each round runs the baseline script for one timed run (after its own warm-up) and then each of
 * our jobs once (warmed up in the first round only), through @repo/bench.
 */
import {
  type BaselineResult,
  type RunSummary,
  type SkippedBaseline,
  summarize,
  timeAlternately,
} from '@repo/bench';

type Job = () => unknown | Promise<unknown>;
type Baselines = Record<string, BaselineResult | SkippedBaseline>;

export interface Alternated {
  readonly ours: Record<string, RunSummary>;
  readonly baselines: Baselines;
}

function collect(
  times: Map<string, number[]>,
  peaks: Map<string, number>,
  name: string,
  s: RunSummary,
) {
  times.set(name, [...(times.get(name) ?? []), s.medianMs]);
  peaks.set(name, Math.max(peaks.get(name) ?? 0, s.peakRssBytes ?? 0));
}

/** `runs` rounds of `pythonRound()` (one timed run per label) and of each job in `ours`. */
export async function alternateWithPython(
  ours: Readonly<Record<string, Job>>,
  pythonRound: () => Promise<Baselines>,
  runs: number,
): Promise<Alternated> {
  const times = new Map<string, number[]>();
  const peaks = new Map<string, number>();
  const skipped = new Map<string, SkippedBaseline>();
  const labels = new Map<string, string>();
  for (let round = 0; round < runs; round++) {
    for (const [key, baseline] of Object.entries(await pythonRound())) {
      if ('skipped' in baseline) skipped.set(key, baseline);
      else {
        labels.set(key, baseline.label);
        collect(times, peaks, `python:${key}`, baseline.summary);
      }
    }
    const mine = await timeAlternately(ours, { runs: 1, warmup: round === 0 ? 1 : 0 });
    for (const [name, summary] of Object.entries(mine)) collect(times, peaks, name, summary);
  }
  const summary = (name: string) => summarize(times.get(name) ?? [], peaks.get(name) ?? null);
  const baselines: Baselines = {};
  for (const [key, label] of labels) {
    baselines[key] = skipped.get(key) ?? { label, summary: summary(`python:${key}`) };
  }
  for (const [key, why] of skipped) baselines[key] = why;
  return {
    ours: Object.fromEntries(Object.keys(ours).map((name) => [name, summary(name)])),
    baselines,
  };
}
