"""Reference values for @repo/metrics, computed with scikit-learn and numpy.

Regenerate (from the repository root, with Debian's scikit-learn and numpy:
`apt-get install -y python3-sklearn python3-numpy`) with exactly:

    /usr/bin/python3 packages/metrics/test/reference/sklearn_reference.py

It overwrites packages/metrics/test/reference/reference.json next to this script.
The inputs are written literally below; nothing is random.
"""

import json
import pathlib

import numpy as np
import sklearn
from sklearn import metrics

OUT = pathlib.Path(__file__).with_name("reference.json")

# --- Regression: 30 values, one zero target (MAPE's epsilon guard), ties, negatives. ---
REG_Y = [
    3.0, -0.5, 2.0, 7.0, 0.0, 4.25, 4.25, 10.5, 1.75, 6.0,
    5.5, 5.5, 12.0, -2.0, 3.3, 8.8, 9.1, 0.4, 2.2, 15.0,
    7.7, 6.6, 4.4, 3.3, 1.1, 20.0, 18.5, 0.9, 11.0, 13.25,
]
REG_YHAT = [
    2.5, 0.0, 2.0, 8.0, 0.3, 4.0, 4.5, 9.75, 1.75, 5.0,
    6.1, 5.2, 11.0, -1.5, 3.3, 9.0, 8.2, 0.5, 2.0, 14.1,
    7.9, 6.0, 4.9, 3.0, 1.4, 21.5, 17.0, 1.2, 10.4, 13.0,
]
# Group of each regression row: index into GROUP_LEVELS, -1 = missing.
GROUP_LEVELS = ["Ballard", "Capitol Hill", "Fremont", "Queen Anne"]
GROUP_CODES = [
    0, 1, 2, 0, 1, 2, 0, 1, 2, 0,
    1, 1, 0, -1, 2, 0, 1, 2, -1, 0,
    1, 2, 0, 1, 2, 0, 1, 3, 0, 1,
]

# --- Classification: 40 rows, 10 positives (imbalanced), tied scores across classes,
# scores exactly 0.5 (predicted positive), 0 and 1 (log-loss clipping). ---
CLS_Y = [
    0, 0, 1, 0, 0, 0, 1, 0, 0, 0,
    0, 1, 0, 0, 0, 0, 0, 1, 0, 0,
    1, 0, 0, 0, 1, 0, 0, 0, 0, 1,
    0, 0, 0, 1, 0, 0, 0, 0, 1, 0,
]
CLS_SCORES = [
    0.1, 0.2, 0.9, 0.3, 0.5, 0.05, 0.5, 0.0, 0.35, 0.2,
    0.7, 0.8, 0.15, 0.2, 0.45, 0.6, 0.1, 0.35, 0.25, 0.0,
    1.0, 0.3, 0.12, 0.4, 0.65, 0.2, 0.55, 0.33, 0.1, 0.3,
    0.08, 0.9, 0.22, 0.72, 0.18, 0.4, 0.05, 0.27, 0.49, 1.0,
]
# Every score below 0.5: nothing predicted positive (precision/F1 zero_division=0).
CLS_LOW_SCORES = [s * 0.4 for s in CLS_SCORES]

# --- Percentiles: 50 latency-like values with ties, unsorted. ---
LATENCIES = [
    1.25, 0.98, 1.02, 3.4, 1.1, 1.1, 0.87, 2.2, 1.05, 15.7,
    1.3, 0.99, 1.01, 1.2, 1.15, 4.8, 1.0, 1.0, 1.07, 0.93,
    1.44, 1.18, 1.09, 2.75, 1.11, 0.95, 1.33, 1.21, 8.9, 1.04,
    1.06, 1.12, 1.28, 0.97, 1.19, 1.5, 1.1, 1.03, 1.23, 1.16,
    31.2, 1.08, 1.14, 0.91, 1.27, 1.36, 1.02, 1.01, 1.17, 1.22,
]
PERCENTILES = [0, 1, 5, 10, 25, 33.3, 50, 75, 90, 95, 99, 99.9, 100]


def regression(y, yhat):
    y = np.asarray(y, dtype=np.float64)
    yhat = np.asarray(yhat, dtype=np.float64)
    mse = metrics.mean_squared_error(y, yhat)
    return {
        "mse": float(mse),
        "rmse": float(np.sqrt(mse)),
        "mae": float(metrics.mean_absolute_error(y, yhat)),
        "mape": float(metrics.mean_absolute_percentage_error(y, yhat)),
        "r2": float(metrics.r2_score(y, yhat)),
    }


def classification(y, scores, threshold=0.5):
    y = np.asarray(y, dtype=np.int64)
    scores = np.asarray(scores, dtype=np.float64)
    predicted = (scores >= threshold).astype(np.int64)
    return {
        "accuracy": float(metrics.accuracy_score(y, predicted)),
        "precision": float(metrics.precision_score(y, predicted, zero_division=0)),
        "recall": float(metrics.recall_score(y, predicted, zero_division=0)),
        "f1": float(metrics.f1_score(y, predicted, zero_division=0)),
        "roc_auc": float(metrics.roc_auc_score(y, scores)),
        "log_loss": float(metrics.log_loss(y, scores, eps=np.finfo(np.float64).eps)),
    }


def by_group(y, yhat, codes, levels):
    y = np.asarray(y, dtype=np.float64)
    yhat = np.asarray(yhat, dtype=np.float64)
    codes = np.asarray(codes)
    out = {}
    for code, level in [*enumerate(levels), (-1, "(missing)")]:
        mask = codes == code
        if not mask.any():
            continue
        entry = regression(y[mask], yhat[mask])
        if mask.sum() < 2:
            del entry["r2"]  # R² of one value is NaN (sklearn warns), which JSON cannot hold.
        entry["count"] = int(mask.sum())
        out[level] = entry
    return out


reference = {
    "generator": "packages/metrics/test/reference/sklearn_reference.py",
    "sklearn_version": sklearn.__version__,
    "numpy_version": np.__version__,
    "regression": {
        "y": REG_Y,
        "yhat": REG_YHAT,
        "expected": regression(REG_Y, REG_YHAT),
    },
    "regression_constant_perfect": {
        "y": [2.5] * 5,
        "yhat": [2.5] * 5,
        "expected": {"r2": float(metrics.r2_score([2.5] * 5, [2.5] * 5))},
    },
    "regression_constant_imperfect": {
        "y": [2.5] * 5,
        "yhat": [2.5, 2.5, 3.0, 2.5, 2.0],
        "expected": {"r2": float(metrics.r2_score([2.5] * 5, [2.5, 2.5, 3.0, 2.5, 2.0]))},
    },
    "classification": {
        "y": CLS_Y,
        "scores": CLS_SCORES,
        "expected": classification(CLS_Y, CLS_SCORES),
        "threshold_0_3": classification(CLS_Y, CLS_SCORES, 0.3),
    },
    "classification_no_predicted_positive": {
        "y": CLS_Y,
        "scores": CLS_LOW_SCORES,
        "expected": classification(CLS_Y, CLS_LOW_SCORES),
    },
    "groups": {
        "levels": GROUP_LEVELS,
        "codes": GROUP_CODES,
        "expected": by_group(REG_Y, REG_YHAT, GROUP_CODES, GROUP_LEVELS),
    },
    "percentile": {
        "values": LATENCIES,
        "p": PERCENTILES,
        "expected": [float(np.percentile(np.asarray(LATENCIES), p)) for p in PERCENTILES],
    },
}

OUT.write_text(json.dumps(reference, indent=2) + "\n")
print(f"wrote {OUT} (scikit-learn {sklearn.__version__}, numpy {np.__version__})")
