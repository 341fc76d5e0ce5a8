#!/usr/bin/env python3
"""Duplicate and wrong-merge count of a graph's named entities against hand-annotated gold clusters.

Usage: scripts/eval-entities.py GOLD ENTITIES.json
  GOLD           one line per real-world entity: TYPE<TAB>canonical<TAB>form|form|... (# comments)
  ENTITIES.json  the output of `kg entities --db DIR --json`

A graph node (type PERSON, ORG, LOC or MISC; CONCEPT nodes are type-level and not counted) matches
a gold entity when its name or one of its aliases is one of the entity's surface forms
(case-insensitive). Prints nodes vs gold entities, duplicates (a gold entity split over more than
one node), wrong merges (a node matching more than one gold entity), unmatched nodes, and missing
gold entities; exits 1 when there is any duplicate or wrong merge.
"""
import json
import sys


def norm(s):
    s = s.strip().lower()
    return s[4:] if s.startswith("the ") else s


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    gold = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            typ, name, forms = line.split("\t")
            gold.append((typ, name, {norm(x) for x in forms.split("|")} | {norm(name)}))
    with open(sys.argv[2], encoding="utf-8") as f:
        nodes = [e for e in json.load(f)["entities"] if e["type"] != "CONCEPT"]

    by_gold = {g[1]: [] for g in gold}
    merges, unmatched = [], []
    for e in nodes:
        keys = {norm(e["name"])} | {norm(a) for a in e.get("aliases", [])}
        hits = [g[1] for g in gold if keys & g[2]]
        for h in hits:
            by_gold[h].append(e["name"])
        if len(hits) > 1:
            merges.append((e["name"], hits))
        if not hits:
            unmatched.append(e["name"])
    dups = {g: n for g, n in by_gold.items() if len(n) > 1}
    missing = [g for g, n in by_gold.items() if not n]
    print(f"named nodes: {len(nodes)}  gold entities: {len(gold)} "
          f"({len(gold) - len(missing)} present in the graph)")
    print(f"duplicates (gold entity split over >1 node): {len(dups)}")
    for g, n in sorted(dups.items()):
        print(f"  {g}: {n}")
    print(f"wrong merges (node matching >1 gold entity): {len(merges)}")
    for n, hits in merges:
        print(f"  {n}: {hits}")
    print(f"unmatched nodes (no gold entity): {len(unmatched)}")
    for n in unmatched:
        print(f"  {n}")
    print(f"gold entities not in the graph: {len(missing)}")
    for g in missing:
        print(f"  {g}")
    return 1 if dups or merges else 0


if __name__ == "__main__":
    sys.exit(main())
