#!/usr/bin/env python3
"""Fits the extractor's confidence weights (src/extract/confidence.cc) on CaRB dev.

Usage: KG_CONFIDENCE_FEATURES=feats.txt kg extract --format carb --sentence-per-line dev.txt -o x
       python3 scripts/fit-confidence.py feats.txt ../shared/data/oie/carb/gold/dev.tsv

Each extraction's target is its best CaRB match precision against the gold tuples of its
sentence (the benchmark's lenient binary matcher). A logistic model with L2 regularization is fit
to these soft labels; two-fold cross-validation over sentences reports how well the ranking
generalizes (average precision of the target when extractions are sorted by confidence) for the
current weights and the fitted ones, so that the fit can be checked for overfitting before the
printed weights are copied into confidence.cc.
"""
import math
import random
import string
import sys

PTB = [('-LRB-', '('), ('-RRB-', ')'), ('-LSB-', '['), ('-RSB-', ']'), ('-LCB-', '{'), ('-RCB-', '}')]


def key(s):
    s = s.replace(' ', '')
    for a, b in PTB:
        s = s.replace(a, b)
    return ''.join(c for c in s if c not in string.punctuation)


def match(gold, system):
    """(precision, recall) of the CaRB binary lenient matcher (without the 'said' swap)."""
    grel, gargs = gold
    srel, sargs = system
    gargs = gargs[:1] + ([' '.join(gargs[1:])] if len(gargs) > 1 else [])
    sargs = sargs[:1] + ([' '.join(sargs[1:])] if len(sargs) > 1 else [])
    sw, gw = srel.split(), grel.split()
    m = sum(1 for w in sw if w in gw)
    if m == 0:
        return 0.0, 0.0
    pn, pd, rn, rd = m, len(sw), m, len(gw)
    for i in range(len(gargs)):
        g = gargs[i].split()
        if len(sargs) <= i:
            if i < 2:
                return 0.0, 0.0
            continue
        p = sargs[i].split()
        mm = sum(1 for w in p if w in g)
        pn, pd, rn, rd = pn + mm, pd + len(p), rn + mm, rd + len(g)
    return (pn / pd if pd else 0.0), (rn / rd if rd else 0.0)


def load(features_path, gold_path):
    gold = {}
    for line in open(gold_path, encoding='utf-8'):
        f = [x for x in line.strip().split('\t') if 'C: ' not in x]
        if len(f) >= 2:
            gold.setdefault(key(f[0]), []).append((f[1].strip(), [a.strip() for a in f[2:]]))
    rows = []
    for line in open(features_path, encoding='utf-8'):
        text, feats = line.rstrip('\n').split('\t|')
        f = text.split('\t')
        k = key(f[0])
        if k not in gold:
            continue
        best = max(match(g, (f[1], f[2:]))[0] for g in gold[k])
        rows.append((k, [float(x) for x in feats.split()], best))
    return rows


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(rows, l2=0.001, epochs=1500, lr=0.1):
    n = len(rows[0][1])
    # Scale features to comparable ranges for gradient descent.
    scale = [max(1.0, max(abs(r[1][i]) for r in rows)) for i in range(n)]
    w = [0.0] * n
    for _ in range(epochs):
        grad = [0.0] * n
        for _, x, y in rows:
            p = sigmoid(sum(w[i] * x[i] / scale[i] for i in range(n)))
            for i in range(n):
                grad[i] += (p - y) * x[i] / scale[i]
        for i in range(n):
            reg = l2 * w[i] if i > 0 else 0.0
            w[i] -= lr * (grad[i] / len(rows) + reg) * 10
    return [w[i] / scale[i] for i in range(n)]


def average_precision(rows, w):
    scored = sorted(rows, key=lambda r: -sum(a * b for a, b in zip(w, r[1])))
    total, hits, ap = sum(r[2] for r in rows), 0.0, 0.0
    for i, r in enumerate(scored, 1):
        hits += r[2]
        ap += r[2] * hits / i
    return ap / total if total else 0.0


def main():
    rows = load(sys.argv[1], sys.argv[2])
    current = [float(x) for x in sys.argv[3].split(',')] if len(sys.argv) > 3 else None
    sentences = sorted({r[0] for r in rows})
    random.Random(1).shuffle(sentences)
    half = set(sentences[: len(sentences) // 2])
    folds = [[r for r in rows if r[0] in half], [r for r in rows if r[0] not in half]]
    for i in range(2):
        train, test = folds[i], folds[1 - i]
        w = fit(train)
        line = 'fold %d: fitted AP %.3f' % (i, average_precision(test, w))
        if current:
            line += ', current AP %.3f' % average_precision(test, current)
        print(line)
    w = fit(rows)
    print('weights (all of dev):')
    print(',\n'.join('    %.3f' % x for x in w))


if __name__ == '__main__':
    main()
