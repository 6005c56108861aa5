"""What scripts/extract-ceiling and scripts/extract-parse-ceiling share: the evaluation's sentence
dump, which sets were written blind, the evaluation's match key, and a logistic regression over
sparse binary features (numpy and scipy, imported only when used)."""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def dump(*flags):
    """Builds actorgraph-eval and runs it from the repository's root with --dump and `flags`:
    its printed report and the sentences it dumped (one dict each)."""
    os.chdir(ROOT)
    subprocess.run(["swift", "build", "--product", "actorgraph-eval"], check=True, stdout=sys.stderr)
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "sentences.jsonl")
        out = subprocess.run([".build/debug/actorgraph-eval", "--no-speed", *flags, "--dump", path],
                             check=True, capture_output=True, text=True).stdout
        return out, [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]


def set_number(path):
    m = re.search(r"heldout(\d+)/", path)
    return int(m.group(1)) if m else None


def blind(path):
    """Written blind and measured once (heldout3 and later): development material since."""
    n = set_number(path)
    return n is not None and n >= 3


def key(document, source, target, kind):
    """The evaluation's match: document, type and ordered pair (unordered for meets)."""
    if kind == "meets":
        source, target = sorted([source, target])
    return (document, source, target, kind)


def vocabulary(feature_lists):
    index = {}
    for features in feature_lists:
        for x in features:
            index.setdefault(x, len(index))
    return index


def matrix(feature_lists, index):
    """Rows of binary features over `index` (features it lacks are dropped)."""
    import numpy as np
    import scipy.sparse as sparse
    indices, pointers = [], [0]
    for features in feature_lists:
        indices += sorted({index[x] for x in features if x in index})
        pointers.append(len(indices))
    return sparse.csr_matrix((np.ones(len(indices)), indices, pointers), shape=(len(feature_lists), len(index)))


def fit(X, y, l2=1.0, maxiter=300):
    """L2-regularised logistic regression: the weights, bias last."""
    import numpy as np
    from scipy.optimize import minimize

    def loss(w):
        p = 1 / (1 + np.exp(-(X @ w[:-1] + w[-1])))
        value = -(y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9)).sum() + 0.5 * l2 * (w[:-1] ** 2).sum()
        return value, np.concatenate([X.T @ (p - y) + l2 * w[:-1], [(p - y).sum()]])
    return minimize(loss, np.zeros(X.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": maxiter}).x


def predict(X, w):
    import numpy as np
    return 1 / (1 + np.exp(-(X @ w[:-1] + w[-1])))
