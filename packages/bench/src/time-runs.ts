import { type RunSummary, summarize } from './summary';

export interface TimeRunsOptions {
  /** Timed runs (at least 5 for a bench line; fewer only for quick looks). Default 5. */
  readonly runs?: number;
  /** Untimed runs first (JIT, caches). Default 1. */
  readonly warmup?: number;
}

type Job = () => unknown | Promise<unknown>;

/**
 * Runs several jobs alternately (A B C A B C …) after their warm-ups, so that a machine that
 * slows down or speeds up during the bench affects all of them alike, and summarizes each:
 * median, min and the peak RSS of this process sampled every 5 ms while that job ran.
 */
export async function timeAlternately(
  jobs: Readonly<Record<string, Job>>,
  options: TimeRunsOptions = {},
): Promise<Record<string, RunSummary>> {
  const runs = options.runs ?? 5;
  const warmup = options.warmup ?? 1;
  const names = Object.keys(jobs);
  const times = new Map(names.map((name) => [name, [] as number[]]));
  const peaks = new Map(names.map((name) => [name, 0]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const name of names) {
      const { ms, peakRssBytes } = await timeOnce(jobs[name] as Job);
      peaks.set(name, Math.max(peaks.get(name) ?? 0, peakRssBytes));
      if (round >= warmup) times.get(name)?.push(ms);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, summarize(times.get(name) ?? [], peaks.get(name) ?? null)]),
  );
}

/** One job's summary: `timeAlternately` with a single job. */
export async function timeRuns(job: Job, options: TimeRunsOptions = {}): Promise<RunSummary> {
  const { job: summary } = await timeAlternately({ job }, options);
  return summary as RunSummary;
}

async function timeOnce(job: Job): Promise<{ ms: number; peakRssBytes: number }> {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const start = performance.now();
  try {
    await job();
    const ms = performance.now() - start;
    return { ms, peakRssBytes: Math.max(peak, process.memoryUsage.rss()) };
  } finally {
    clearInterval(sampler);
  }
}
