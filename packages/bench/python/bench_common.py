"""Shared by the Python baselines of `npm run bench`: timing and the JSON line @repo/bench reads."""
import json
import os
import resource
import sys
import time


def pin_threads():
    """Single-thread comparison: PyTorch and BLAS on one thread (MLOPS_BENCH_THREADS, default 1)."""
    threads = int(os.environ.get("MLOPS_BENCH_THREADS", "1"))
    try:
        import torch

        torch.set_num_threads(threads)
    except ImportError:
        pass
    return threads


def time_runs(job, runs, warmup=1):
    """Wall times (ms) of `runs` calls of job() after `warmup` untimed ones."""
    for _ in range(warmup):
        job()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append((time.perf_counter() - start) * 1000.0)
    return times


def peak_rss_bytes():
    """Peak RSS of this process so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def emit(results):
    """Prints the one JSON line runPythonBaseline parses: {"results": [{label, times_ms, peak_rss_bytes}]}."""
    sys.stdout.write(json.dumps({"results": results}) + "\n")
    sys.stdout.flush()
