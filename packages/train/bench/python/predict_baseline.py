"""PyTorch and scikit-learn prediction baselines of predict.bench.ts, on the same weights.

Loads the example model's weights (float32 files from float-files.ts) into an nn.Sequential and
into an MLPRegressor (coefs_/intercepts_), times `calls` predictions per run at batch 1 and batch
`rows` (reported per call, as predict.bench.ts does), and writes both models' predictions of the
`rows` rows to --out as float32 files.
"""
import argparse
import os
import warnings

import numpy as np
from mlp_weights import load_float32, load_weights, parse_sizes, sklearn_activation, torch_mlp

from bench_common import emit, peak_rss_bytes, pin_threads, time_runs


def arguments():
    parser = argparse.ArgumentParser()
    for name in ("x", "weights", "sizes", "activation", "out"):
        parser.add_argument(f"--{name}", required=True)
    for name in ("rows", "calls1", "calls_batch", "runs", "warmup"):
        parser.add_argument(f"--{name}", type=int, required=True)
    return parser.parse_args()


def sklearn_model(sizes, activation, kernels, biases):
    """An MLPRegressor fitted for one step on zeros (to set its attributes), then given our weights."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor

    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    model = MLPRegressor(
        hidden_layer_sizes=tuple(sizes[1:-1]), activation=sklearn_activation(activation), max_iter=1
    )
    model.fit(np.zeros((2, sizes[0]), dtype=np.float32), np.zeros(2, dtype=np.float32))
    model.coefs_ = [kernel.copy() for kernel in kernels]
    model.intercepts_ = [bias.copy() for bias in biases]
    return model


def per_call(job, calls, runs, warmup):
    """time_runs of `calls` calls of job(), divided by `calls` (ms per call)."""

    def many():
        for _ in range(calls):
            job()

    return [t / calls for t in time_runs(many, runs, warmup)]


def main():
    args = arguments()
    pin_threads()
    import torch

    sizes = parse_sizes(args.sizes)
    kernels, biases = load_weights(args.weights, sizes)
    x = load_float32(args.x, (args.rows, sizes[0]))
    # Batch 1 cycles through the rows, as predict.bench.ts does.
    ones = [np.ascontiguousarray(x[r : r + 1]) for r in range(args.rows)]
    turn = iter(range(1 << 62))
    net = torch_mlp(sizes, args.activation, kernels, biases).eval()
    sk = sklearn_model(sizes, args.activation, kernels, biases)

    def torch_predict(batch):
        with torch.inference_mode():
            return net(torch.from_numpy(batch)).numpy().reshape(-1)

    jobs = [
        ("pytorch batch 1", lambda: torch_predict(ones[next(turn) % args.rows]), args.calls1),
        (f"pytorch batch {args.rows}", lambda: torch_predict(x), args.calls_batch),
        ("sklearn batch 1", lambda: sk.predict(ones[next(turn) % args.rows]), args.calls1),
        (f"sklearn batch {args.rows}", lambda: sk.predict(x), args.calls_batch),
    ]
    results = []
    for label, job, calls in jobs:
        times = per_call(job, calls, args.runs, args.warmup)
        results.append({"label": label, "times_ms": times, "peak_rss_bytes": peak_rss_bytes()})
    torch_predict(x).astype("<f4").tofile(os.path.join(args.out, "pytorch.f32"))
    sk.predict(x).astype("<f4").reshape(-1).tofile(os.path.join(args.out, "sklearn.f32"))
    emit(results)


if __name__ == "__main__":
    main()
