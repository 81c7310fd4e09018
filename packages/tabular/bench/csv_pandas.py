"""pandas `read_csv` baseline of csv.bench.ts: the same generated files, read into columns.

Each file is read with the C parser into float64 columns (missing values NaN), the two text
columns as `category` (codes and levels) and `sale_date` parsed to datetime64, the closest
pandas gets to the typed arrays `readCsv` returns.

    python3 csv_pandas.py --runs 5 --warmup 1 LABEL=PATH [LABEL=PATH ...]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "bench", "python"))

from bench_common import emit, peak_rss_bytes, pin_threads, time_runs  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    pin_threads()
    import pandas as pd

    def load(path):
        frame = pd.read_csv(
            path,
            dtype={"neighborhood": "category", "property_type": "category"},
            parse_dates=["sale_date"],
        )
        if len(frame) == 0:
            raise SystemExit(f"{path}: no rows")

    results = []
    for item in args.files:
        label, path = item.split("=", 1)
        times = time_runs(lambda: load(path), args.runs, args.warmup)
        results.append({"label": label, "times_ms": times, "peak_rss_bytes": peak_rss_bytes()})
    emit(results)


if __name__ == "__main__":
    main()
