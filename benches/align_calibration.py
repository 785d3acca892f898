#!/usr/bin/env python3
"""Calibration of the alignment pair model (src/align/model.rs) on
paragraph-parallel stories such as ../shared/realnews.

  align_calibration.py lengths STORIES_DIR
      Characters of each language per character of another, over the
      paragraphs of every two versions (the `expansion` table), and Gale &
      Church's variance s² per pair of languages.

  align_calibration.py fit PAIRS_DIR
      Logistic regression of true pairs against neighbouring pairs on the
      signals the test writes with
        DRIFTCHECK_DUMP_PAIRS=PAIRS_DIR cargo test --profile eval \\
            --test align_realnews alignment_on
      (one .tsv per story: label, same language, paragraph distance, then
      the signals of `Observed`). Prints, per model (two languages, one
      language), the coefficients of `CROSS` and `SAME`; the constant is the
      intercept less the training set's prior log-odds, so scores are
      log-likelihood ratios against a neighbouring claim.

The fit needs numpy and scikit-learn (a development tool, not a dependency
of the crate); `lengths` needs the standard library only.
"""
import collections
import glob
import itertools
import math
import os
import statistics
import sys

SIGNALS = ["length", "anchors", "anchors_both", "anchors_one", "cognates",
           "concepts", "words", "marks_both", "marks_one"]


def stories(root):
    for dirpath, _, files in sorted(os.walk(root)):
        txt = sorted(f for f in files if f.endswith(".txt"))
        if len(txt) >= 2:
            yield {f[:-4]: [l.strip() for l in open(os.path.join(dirpath, f), encoding="utf-8")
                            if l.strip()] for f in txt}


def lengths(root):
    pairs = collections.defaultdict(list)
    for versions in stories(root):
        for a, b in itertools.permutations(sorted(versions), 2):
            if len(versions[a]) != len(versions[b]):
                continue
            key = (a[:2], b[:2])
            pairs[key].extend((len(x), len(y)) for x, y in zip(versions[a], versions[b]) if x and y)
    for (la, lb), l in sorted(pairs.items()):
        c = sum(y for _, y in l) / sum(x for x, _ in l)
        s2 = statistics.pvariance([(y - c * x) / math.sqrt(x) for x, y in l])
        print(f"{la} -> {lb}: ratio {c:.3f}, s2 {s2:.2f}, {len(l)} paragraphs")


def fit(pairs_dir):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    rows = [np.loadtxt(f, ndmin=2) for f in sorted(glob.glob(os.path.join(pairs_dir, "*.tsv")))
            if os.path.getsize(f) > 0]
    data = np.vstack(rows)
    for same, name in ((0, "CROSS (two languages)"), (1, "SAME (one language)")):
        x = data[data[:, 1] == same]
        y, signals = x[:, 0], x[:, 3:]
        cols = [i for i, s in enumerate(SIGNALS) if same or s != "words"]
        model = LogisticRegression(C=10.0, max_iter=2000).fit(signals[:, cols], y)
        prior = math.log(y.mean() / (1 - y.mean()))
        print(f"{name}: {len(y)} pairs, {y.mean():.3f} true")
        print(f"  bias: {model.intercept_[0] - prior:.2f}")
        for c, w in zip(cols, model.coef_[0]):
            print(f"  {SIGNALS[c]}: {w:.2f}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("lengths", "fit"):
        sys.exit(__doc__)
    (lengths if sys.argv[1] == "lengths" else fit)(sys.argv[2])
