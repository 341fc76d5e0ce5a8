#!/usr/bin/env python3
"""What a corpus graph looks like to an analyst: the counts that issue 14 asks for.

    kg export --db DB --format json -o graph.json
    scripts/corpus-report.py graph.json [--list N]

Prints the entities (named and concepts), nodes with a pronoun or a lone generic head among their
aliases, names that are two or more named nodes differing only by type (listed), surname-only
PERSON nodes next to a PERSON full name ending in that word (all, and those sharing a story with
it, listed), month/weekday nodes and bare-number nodes. Standard library only.
"""
import argparse
import collections
import json
import re
import sys

PRONOUNS = {'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'its', 'their', 'we', 'i',
            'you', 'this', 'that', 'these', 'those'}
GENERIC = {'co', 'inc', 'corp', 'company', 'bank', 'commission', 'group', 'government',
           'ministry', 'agency', 'committee', 'council', 'board', 'party', 'court'}
CALENDAR = {'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
            'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday',
            'thursday', 'friday', 'saturday', 'sunday'}


def is_name(s):
    return all(w[:1].isupper() for w in s.split())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('graph', help='kg export --format json output')
    ap.add_argument('--list', type=int, default=40, help='list at most this many of each')
    a = ap.parse_args()
    g = json.load(open(a.graph))
    nodes = {n['id']: n for n in g['nodes']}
    docs = collections.defaultdict(set)
    for e in g['edges']:
        for d in e.get('docs', []):
            docs[e['source']].add(d)
            docs[e['target']].add(d)
    named = [n for n in nodes.values() if n['type'] != 'CONCEPT']
    print(f"entities {len(nodes)}, named {len(named)}, edges {len(g['edges'])}")
    print('nodes with a pronoun alias:',
          sum(1 for n in nodes.values() if any(x.lower() in PRONOUNS for x in n['aliases'])))
    print('nodes with a lone generic head as alias:',
          sum(1 for n in nodes.values() if any(x.lower() in GENERIC for x in n['aliases'])))
    by_name = collections.defaultdict(list)
    for n in named:
        by_name[n['name'].lower()].append(n)
    pairs = [v for v in by_name.values() if len(v) > 1]
    print('names that are several named nodes of different types:', len(pairs))
    for v in pairs[:a.list]:
        print('   ', ', '.join(f"{n['name']} {n['type']} {n['mentions']}" for n in v))
    full = collections.defaultdict(list)
    for n in named:
        if n['type'] == 'PERSON' and ' ' in n['name'] and is_name(n['name']):
            full[n['name'].split()[-1].lower()].append(n)
    beside, same = 0, []
    for n in named:
        if n['type'] != 'PERSON' or ' ' in n['name'] or not is_name(n['name']):
            continue
        if n['name'].lower() not in full:
            continue
        beside += 1
        for f in full[n['name'].lower()]:
            common = docs[n['id']] & docs[f['id']]
            if common:
                same.append((n['name'], n['mentions'], f['name'], sorted(common)[:2]))
                break
    print('capitalized surname-only PERSON nodes beside a full-name PERSON node:', beside,
          '; sharing a story with it:', len(same))
    for x in same[:a.list]:
        print('   ', x)
    print('month/weekday nodes:', sum(1 for n in nodes.values() if n['name'].lower() in CALENDAR))
    print('bare-number nodes:',
          sum(1 for n in nodes.values() if re.fullmatch(r'[\d.,/%-]+', n['name'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
