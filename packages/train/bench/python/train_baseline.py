"""PyTorch (manual loop) and scikit-learn (MLPRegressor) training baselines of train.bench.ts.

Trains on the x/y float32 files train.bench.ts wrote, from the same initial weights (PyTorch), with
the same shape, epochs, batch size and Adam settings; writes the final training losses (MSE) to
--report and prints the timings for runPythonBaseline.
"""
import argparse
import json
import warnings

import numpy as np
from mlp_weights import load_float32, load_weights, parse_sizes, sklearn_activation, torch_mlp

from bench_common import emit, peak_rss_bytes, pin_threads, time_runs


def arguments():
    parser = argparse.ArgumentParser()
    for name in ("x", "y", "weights", "sizes", "activation", "report"):
        parser.add_argument(f"--{name}", required=True)
    for name in ("rows", "epochs", "batch", "runs", "warmup", "seed"):
        parser.add_argument(f"--{name}", type=int, required=True)
    parser.add_argument("--lr", type=float, required=True)
    parser.add_argument("--sklearn", action="store_true")
    return parser.parse_args()


def torch_job(args, x, y, sizes, kernels, biases, losses):
    import torch

    xt, yt = torch.from_numpy(x), torch.from_numpy(y).reshape(-1, 1)
    rows = xt.shape[0]

    def job():
        model = torch_mlp(sizes, args.activation, kernels, biases)
        optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.9, 0.999), eps=1e-7)
        generator = torch.Generator().manual_seed(args.seed)
        for epoch in range(args.epochs):
            order = torch.randperm(rows, generator=generator)
            xs, ys = xt[order], yt[order]
            last = epoch == args.epochs - 1
            total = 0.0
            for start in range(0, rows, args.batch):
                xb, yb = xs[start : start + args.batch], ys[start : start + args.batch]
                optimizer.zero_grad(set_to_none=True)
                loss = torch.nn.functional.mse_loss(model(xb), yb)
                loss.backward()
                optimizer.step()
                if last:  # the reported loss: the last epoch's, weighted by batch size
                    total += loss.item() * xb.shape[0]
        losses["pytorch"] = total / rows

    return job


def sklearn_job(args, x, y, sizes, losses):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPRegressor

    warnings.filterwarnings("ignore", category=ConvergenceWarning)

    def job():
        model = MLPRegressor(
            hidden_layer_sizes=tuple(sizes[1:-1]),
            activation=sklearn_activation(args.activation),
            solver="adam",
            batch_size=args.batch,
            max_iter=args.epochs,
            learning_rate_init=args.lr,
            alpha=0.0,
            shuffle=True,
            tol=0.0,
            n_iter_no_change=args.epochs,
            early_stopping=False,
            random_state=args.seed,
        )
        model.fit(x, y)
        if model.n_iter_ != args.epochs:
            raise SystemExit(f"MLPRegressor ran {model.n_iter_} epochs, not {args.epochs}")
        # scikit-learn's squared_error loss is half the mean squared error.
        losses["sklearn"] = 2.0 * float(model.loss_curve_[-1])

    return job


def main():
    args = arguments()
    pin_threads()
    sizes = parse_sizes(args.sizes)
    x = load_float32(args.x, (args.rows, sizes[0]))
    y = load_float32(args.y, (args.rows,))
    kernels, biases = load_weights(args.weights, sizes)
    losses = {}
    results = []
    times = time_runs(torch_job(args, x, y, sizes, kernels, biases, losses), args.runs, args.warmup)
    results.append({"label": "pytorch", "times_ms": times, "peak_rss_bytes": peak_rss_bytes()})
    if args.sklearn:
        times = time_runs(sklearn_job(args, x, y, sizes, losses), args.runs, args.warmup)
        results.append({"label": "sklearn", "times_ms": times, "peak_rss_bytes": peak_rss_bytes()})
    with open(args.report, "w", encoding="utf-8") as report:
        json.dump({"final_loss": losses}, report)
    emit(results)


if __name__ == "__main__":
    main()
