"""Expected values for @repo/drift, computed with scipy and numpy.

    python3 packages/drift/test/reference/make-reference.py

writes expected.json next to this file: the fixed inputs (so the TypeScript tests read exactly
the same numbers) and what scipy / numpy return for them. The tests never run Python; rerun this
only when a case is added, and commit both files.

PSI and the Evidently binning have no scipy function; they are written out below in numpy,
following evidently/legacy/calculations/stattests/utils.py (get_binned_data) and psi.py.
"""

import json
import time
import warnings
import math
from pathlib import Path

import numpy as np
import scipy
from scipy import special, stats
from scipy.spatial import distance
from scipy.stats import _stats_py

rng = np.random.default_rng(20261201)


def sample(kind, n, decimals=4, **kw):
    """A sample rounded to `decimals` (short JSON, and rounding makes ties)."""
    if kind == "normal":
        x = rng.normal(kw.get("loc", 0.0), kw.get("scale", 1.0), n)
    elif kind == "exponential":
        x = rng.exponential(kw.get("scale", 1.0), n)
    elif kind == "integers":
        x = rng.integers(kw["low"], kw["high"], n).astype(float)
    else:
        raise ValueError(kind)
    return np.round(x, decimals)


samples = {
    "one_a": np.array([0.5]),
    "one_b": np.array([1.5]),
    "two_a": np.array([1.0, 2.0]),
    "two_b": np.array([1.5, 0.25]),
    "three_a": np.array([3.0, 1.0, 2.0]),
    "three_b": np.array([2.0, 2.0, 5.0]),
    "three_c": np.array([1.5, 2.5, 3.5]),
    "thirty_a": np.arange(30.0),
    "thirty_b": np.arange(30.0) + 0.5,
    "constant_5": np.full(40, 5.0),
    "constant_5_b": np.full(25, 5.0),
    "constant_6": np.full(30, 6.0),
    "ties_a": sample("integers", 300, low=0, high=8),
    "ties_b": sample("integers", 250, low=1, high=9),
    "n7": sample("normal", 7),
    "n20": sample("normal", 20, loc=0.3),
    "n100": sample("normal", 100),
    "n100_shift": sample("normal", 100, loc=0.5),
    "n1300": sample("normal", 1300, decimals=3),
    "n3000": sample("normal", 3000, decimals=3),
    "n5000": sample("normal", 5000, decimals=3, loc=0.05),
    "n10000": sample("normal", 10000, decimals=3),
    "n10001": sample("normal", 10001, decimals=3),
    "n10001_b": sample("normal", 10001, decimals=3, loc=0.02),
    "n12000": sample("normal", 12000, decimals=3, loc=0.1),
    "e15000": sample("exponential", 15000, decimals=3),
    "n20000": sample("normal", 20000, decimals=3),
    "e900": sample("exponential", 900),
    "e1100": sample("exponential", 1100, scale=1.2),
}

ks_pairs = [
    ("one_a", "one_b"),
    ("one_a", "one_a"),
    ("two_a", "two_b"),
    ("three_a", "three_b"),
    ("three_a", "three_c"),
    ("thirty_a", "thirty_b"),
    ("two_a", "three_b"),
    ("constant_5", "constant_5_b"),
    ("constant_5", "constant_6"),
    ("ties_a", "ties_b"),
    ("n7", "n1300"),
    ("n7", "n20"),
    ("n100", "n100_shift"),
    ("n100", "n100"),
    ("n3000", "n5000"),
    ("n10000", "n5000"),
    ("n10001", "n10001_b"),
    ("n10001", "n20000"),
    ("n12000", "n20000"),
    ("n7", "n20000"),
    ("three_a", "n12000"),
    ("n100", "e15000"),
    ("n1300", "n12000"),
    ("e900", "n20000"),
    ("e15000", "n20000"),
]


def ks_cases():
    out = []
    for a, b in ks_pairs:
        r = stats.ks_2samp(samples[a], samples[b])
        n1, n2 = len(samples[a]), len(samples[b])
        g = math.gcd(n1, n2)
        exact = max(n1, n2) <= 10000 and _stats_py._attempt_exact_2kssamp(
            n1, n2, g, float(r.statistic), "two-sided")[0]
        out.append(
            {
                "reference": a,
                "current": b,
                "statistic": float(r.statistic),
                "pValue": float(r.pvalue),
                "method": "exact" if exact else "asymptotic",
            }
        )
    return out


def kstwo_grid():
    ns = [1, 2, 3, 5, 10, 50, 139, 140, 141, 500, 1000, 5000, 50000, 100000, 100001, 500000,
          1000001, 2000000]
    out = []
    for n in ns:
        xs = {0.45 / n, 0.55 / n, 0.8 / n, 1.0 / n, 1.5 / n, 0.3, 0.5, 0.6, 0.9, 1 - 1.0 / n,
              1 - 0.5 / n}
        for z in [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.87, 1.0, 1.2, 1.45, 1.5, 1.8, 2.0, 2.5,
                  3.0, 4.0, 6.0, 13.0, 19.0, 20.0]:
            xs.add(z / math.sqrt(n))
        for c in [0.5, 1.0, 1.3, 1.5]:
            xs.add((c / n) ** (2 / 3))
        for x in sorted(xs):
            if 0 < x < 1:
                out.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    return out


def smirnov_grid():
    out = []
    for n in [1, 2, 3, 7, 20, 141, 1000, 30000, 500000, 1000000, 1000001, 3000000]:
        for z in [0.01, 0.3, 1.0, 1.5, 2.0, 3.0, 5.0, 10.0, 18.0]:
            x = z / math.sqrt(n)
            if x < 1:
                out.append({"n": n, "x": x, "sf": float(special.smirnov(n, x))})
        for x in [0.5 / n, 1.0 / n, 0.5, 0.75, 1 - 1.0 / n]:
            if 0 < x < 1:
                out.append({"n": n, "x": x, "sf": float(special.smirnov(n, x))})
    return out


def ks_exact_grid():
    out = []
    for n1, n2 in [(1, 1), (2, 3), (5, 5), (7, 1300), (30, 30), (40, 60), (100, 250), (250, 100),
                   (999, 1000), (3000, 5000), (4000, 4000), (1, 10000), (77, 9999)]:
        g = math.gcd(n1, n2)
        lcm = n1 // g * n2
        for frac in [0.0, 0.01, 0.03, 0.05, 0.1, 0.2, 0.5, 0.9, 1.0]:
            h = round(frac * lcm)
            d = h / lcm
            # ok is False when roundoff puts p outside [0, 1]; ks_2samp then falls back to
            # the asymptotic p-value (with a RuntimeWarning).
            ok, _, p = _stats_py._attempt_exact_2kssamp(n1, n2, g, d, "two-sided")
            out.append({"n1": n1, "n2": n2, "h": h, "ok": bool(ok), "p": float(p)})
    return out


def gamma_grid():
    out = []
    for a in [0.5, 1.0, 1.5, 2.5, 10.0, 25.5, 100.0, 499.5, 5000.0]:
        for x in [1e-3, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 100.0, 300.0, 600.0, 1000.0, 5000.0,
                  5500.0, a * 0.9, a, a * 1.1, a + 3 * math.sqrt(a)]:
            out.append({"a": a, "x": x, "q": float(special.gammaincc(a, x)),
                        "p": float(special.gammainc(a, x))})
    return out


def erfc_grid():
    xs = [-3.0, -1.0, -0.1, 0.0, 1e-8, 0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0, 26.0]
    return [{"x": x, "erfc": float(special.erfc(x))} for x in xs]


def chi_square_cases():
    cases = [
        ([10, 20, 30], [12, 18, 30]),
        ([100, 100], [90, 110]),
        ([5, 0, 7, 1], [3, 2, 8, 1]),
        ([1000, 2000, 3000, 4000], [1100, 1900, 3000, 4100]),
        ([50, 50, 50, 50, 50], [10, 90, 50, 60, 40]),
        ([500, 300, 200], [250, 150, 100]),
    ]
    out = []
    for ref, cur in cases:
        ref = np.array(ref, float)
        cur = np.array(cur, float)
        keep = ref > 0
        k_norm = cur[keep].sum() / ref.sum()
        f_exp = ref[keep] * k_norm
        r = stats.chisquare(cur[keep], f_exp)
        out.append({"reference": ref.tolist(), "current": cur.tolist(),
                    "statistic": float(r.statistic), "pValue": float(r.pvalue)})
    grid = []
    for df in [1, 2, 3, 5, 10, 50, 200, 1000]:
        for x in [0.01, 0.5, 1.0, df * 0.5, df, df * 2.0, df + 10 * math.sqrt(df), 200.0, 1400.0]:
            grid.append({"df": df, "x": x, "sf": float(stats.chi2.sf(x, df))})
    return out, grid


def z_cases():
    out = []
    for x1, n1, x2, n2 in [(30, 100, 45, 120), (500, 1000, 520, 1000), (1, 10, 9, 10),
                           (0, 50, 3, 60), (2000, 5000, 2600, 5000), (10, 1000, 400, 1000)]:
        p1, p2 = x1 / n1, x2 / n2
        P = (x1 + x2) / (n1 + n2)
        z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
        out.append({"x1": x1, "n1": n1, "x2": x2, "n2": n2, "statistic": float(z),
                    "pValue": float(2 * stats.norm.sf(abs(z)))})
    return out


def wasserstein_cases():
    out = []
    for a, b in [("one_a", "one_b"), ("two_a", "three_b"), ("ties_a", "ties_b"),
                 ("n7", "n1300"), ("n3000", "n5000"), ("constant_5", "constant_6"),
                 ("n100", "n100_shift"), ("e900", "e1100")]:
        w = stats.wasserstein_distance(samples[a], samples[b])
        norm = max(float(np.std(samples[a])), 0.001)  # Evidently's wasserstein_distance_norm
        out.append({"reference": a, "current": b, "distance": float(w),
                    "normed": float(w / norm)})
    return out


def binned(ref, cur, numeric, fill_zeroes):
    """get_binned_data of Evidently, in numpy (pandas' nunique/value_counts drop NaN)."""
    if numeric and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, bins)[0] / len(ref)
        c = np.histogram(cur, bins)[0] / len(cur)
        edges = bins.tolist()
    else:
        keys = np.union1d(ref, cur)
        r = np.array([np.sum(ref == k) for k in keys]) / len(ref)
        c = np.array([np.sum(cur == k) for k in keys]) / len(cur)
        edges = None
    if fill_zeroes:
        for arr in (r, c):
            smallest = arr[arr != 0].min()
            np.place(arr, arr == 0, smallest / 10**6 if smallest <= 0.0001 else 0.0001)
    return r, c, edges


def binned_cases():
    out = []
    pairs = [("n100", "n100_shift", True), ("ties_a", "ties_b", True), ("e900", "e1100", True),
             ("n3000", "n5000", True), ("three_a", "three_b", True), ("n7", "n20", True),
             ("ties_a", "ties_b", False), ("n20", "n1300", True), ("constant_5", "constant_6", True)]
    for a, b, numeric in pairs:
        ref, cur = samples[a], samples[b]
        r, c, edges = binned(ref, cur, numeric, True)
        psi = float(np.sum((r - c) * np.log(r / c)))
        r0, c0, _ = binned(ref, cur, numeric, False)
        js = float(distance.jensenshannon(r0, c0))
        out.append({"reference": a, "current": b, "numeric": numeric, "edges": edges,
                    "psi": psi, "jensenShannon": js})
    return out


def js_vectors():
    out = []
    for p, q in [([0.5, 0.5], [0.5, 0.5]), ([1, 0], [0, 1]), ([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]),
                 ([3, 1, 0, 6], [2, 2, 1, 5]), ([0.25] * 4, [0.4, 0.3, 0.2, 0.1])]:
        out.append({"p": p, "q": q, "distance": float(distance.jensenshannon(p, q))})
    return out


chi_cases, chi_grid = chi_square_cases()
expected = {
    "versions": {"scipy": scipy.__version__, "numpy": np.__version__},
    "samples": {k: v.tolist() for k, v in samples.items()},
    "ksTwoSample": ks_cases(),
    "kolmogorovSf": kstwo_grid(),
    "smirnovSf": smirnov_grid(),
    "ksExactP": ks_exact_grid(),
    "gamma": gamma_grid(),
    "erfc": erfc_grid(),
    "chiSquare": chi_cases,
    "chiSquareSf": chi_grid,
    "zTest": z_cases(),
    "wasserstein": wasserstein_cases(),
    "binned": binned_cases(),
    "jensenShannonVectors": js_vectors(),
}
path = Path(__file__).with_name("expected.json")
path.write_text(json.dumps(expected, separators=(",", ":")) + "\n")
print(f"wrote {path} ({path.stat().st_size / 1e3:.0f} kB)")
