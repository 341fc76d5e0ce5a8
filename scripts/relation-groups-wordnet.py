#!/usr/bin/env python3
"""Writes src/query/relation_groups_wordnet.tsv: relation groups from WordNet 3.0's verbs.

    kg relations --db DB --json --top 0 > relations.json
    scripts/relation-groups-wordnet.py relations.json [--wordnet /usr/share/wordnet]
        [--curated src/query/relation_groups.tsv] [-o src/query/relation_groups_wordnet.tsv]
        [--report N]

Needs WordNet's database (Debian: apt-get install wordnet-base), only to run this script: the
output is committed and compiled in, so building kg does not. Standard library only.

The rule (conservative: a wrong merge breaks every query of both relations), docs/query.md:
- Only labels of the corpus in relations.json are grouped, and only a label that is a WordNet verb
  as a whole: "supply", or a multiword verb WordNet lists, "buy back" (buy_back). A label with a
  preposition WordNet does not list with the verb ("purchase from", "acquire stake in") is left
  alone. A multiword verb ending in a preposition (PREPOSITIONS) counts only when the corpus uses
  it at least as often as the bare verb, so the preposition is the verb's, not an adjunct's:
  "depend on" (depend_on) yes, "fall in" (fall_in, "collapse") no: "fall in March".
- A verb stands for its most frequent sense: the first in index.verb (ordered by SemCor tag
  counts), and only if that sense has at least MIN_TAGS tags and MIN_SHARE of the verb's tags (a
  verb of one sense needs none). Two verbs are grouped when that sense is the same synset.
- LIGHT verbs and the verbs in NEVER are never grouped (see the lists).
- The curated groups (relation_groups.tsv) win: a label they list is never regrouped. A WordNet
  group holding a curated group's label joins that group (a row of the same name; the loader in
  relations.cc merges rows of one name, and a label keeps its first group) only when its synset
  is a sense of the group's name, or a hypernym, hyponym or verb-group link from one; otherwise,
  or when it holds labels of two curated groups, it is dropped whole (no rival group).
- A WordNet-only group is named for its member with the most facts.
With --report N, the N largest WordNet-made groups by facts and the dropped ones go to stderr.
"""
import argparse
import collections
import json
import os
import sys

# WordNet's license, which must go with every copy of the derived file (as its header).
WORDNET_LICENSE = """\
WordNet Release 3.0

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same."""

# A polysemous verb's first sense counts only when SemCor tags it this often and this share of
# the verb's tagged uses (a verb of one sense needs no tags: "privatise", "finalise").
MIN_TAGS = 3
MIN_SHARE = 0.5

# Words that, ending a multiword verb, may rather open an adjunct of the bare verb in a label.
PREPOSITIONS = {'about', 'across', 'after', 'against', 'along', 'around', 'at', 'between', 'by',
                'for', 'from', 'in', 'into', 'of', 'on', 'onto', 'over', 'through', 'to',
                'toward', 'towards', 'under', 'upon', 'with', 'within'}

# Light verbs: in a label their meaning is their object's ("make loss", "take stake"), so their
# first sense merges nothing worth merging ("make" with "do", "go" with "travel", "put" with
# "place", "keep" with "maintain").
LIGHT = {'be', 'have', 'do', 'make', 'get', 'give', 'take', 'go', 'come', 'put', 'set', 'keep',
         'hold', 'let', 'place', 'lay'}

# Verbs whose usual WordNet sense is not their usual sense in news, found by reading the groups
# the rules above make on Reuters: each would merge two relations.
NEVER = {
    'approach': 'news: make an offer to (a bidder approached the company); WordNet: move towards, '
                'with "near"',
    'border': 'news: be adjacent to; WordNet: surround',
    'dog': 'news: plague (problems dogged the company); WordNet: chase',
    'embrace': 'news: adopt (embrace reform); WordNet: encompass',
    'float': 'news: issue (float shares, a currency); WordNet: drift',
    'instruct': 'news: order (instruct a bank to sell); WordNet: teach',
    'promote': 'news: also to a post or a product; WordNet: encourage',
    'recall': 'news: call back (a product, an ambassador); WordNet: remember',
    'sort out': 'news: resolve; WordNet: classify',
    'topple': 'news: overthrow (topple a government); WordNet: tumble, which is "fall"',
    'wind up': 'news: liquidate (wind up a company); WordNet: end up',
}


def fold(s):
    """store.h fold_name for ASCII: lower case, runs of space as one."""
    return ' '.join(s.lower().split())


def read_index(path):
    """lemma -> [synset offsets], most frequent sense first."""
    senses = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            p = line.split()
            lemma, n_synsets, n_ptrs = p[0], int(p[2]), int(p[3])
            offsets = p[4 + n_ptrs + 2:]
            assert len(offsets) == n_synsets, line
            senses[lemma] = offsets
    return senses


def read_data(path):
    """offset -> (lex_filenum, [(word, lex_id)], {neighbouring synsets}, gloss)."""
    synsets = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            if line.startswith(' '):
                continue
            p = line.split()
            offset, lex_filenum, n_words = p[0], p[1], int(p[3], 16)
            words = [(p[4 + 2 * i].lower(), int(p[5 + 2 * i], 16)) for i in range(n_words)]
            at = 4 + 2 * n_words
            near = set()
            for i in range(int(p[at])):
                symbol, target, pos = p[at + 1 + 4 * i:at + 4 + 4 * i]
                if pos == 'v' and symbol in ('@', '~', '$'):  # hypernym, hyponym, verb group
                    near.add(target)
            synsets[offset] = (lex_filenum, words, near, line.split('|', 1)[1].strip())
    return synsets


def read_counts(path):
    """sense key -> SemCor tag count."""
    counts = {}
    with open(path, encoding='latin-1') as f:
        for line in f:
            key, _, n = line.split()
            counts[key] = int(n)
    return counts


def read_curated(path):
    """label -> curated group name."""
    group_of = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or '\t' not in line:
                continue
            name, labels = line.rstrip('\n').split('\t', 1)
            name = fold(name)
            for label in [name] + [fold(x) for x in labels.split(',')]:
                if label:
                    group_of.setdefault(label, name)
    return group_of


def read_labels(path):
    """label -> facts, from `kg relations --json --top 0`."""
    with open(path, encoding='utf-8') as f:
        relations = json.load(f)['relations']
    facts = collections.Counter()
    for r in relations:
        for label in r['labels']:
            facts[fold(label['label'])] += label['facts']
    return facts


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('relations', help='kg relations --json --top 0 output of a corpus')
    ap.add_argument('--wordnet', default='/usr/share/wordnet', help="WordNet's dict directory")
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'query')
    ap.add_argument('--curated', default=os.path.join(here, 'relation_groups.tsv'))
    ap.add_argument('-o', '--output', default=os.path.join(here, 'relation_groups_wordnet.tsv'))
    ap.add_argument('--corpus', default='Reuters-21578', help='named in the header')
    ap.add_argument('--report', type=int, default=0, metavar='N',
                    help='print the N largest WordNet-made groups by facts to stderr')
    a = ap.parse_args()

    if not os.path.exists(os.path.join(a.wordnet, 'index.verb')):
        sys.exit('%s: no WordNet index.verb (apt-get install wordnet-base, or --wordnet DIR)'
                 % a.wordnet)
    index = read_index(os.path.join(a.wordnet, 'index.verb'))
    synsets = read_data(os.path.join(a.wordnet, 'data.verb'))
    counts = read_counts(os.path.join(a.wordnet, 'cntlist.rev'))
    curated = read_curated(a.curated)
    facts = read_labels(a.relations)

    def tags(lemma, offset):
        lex_filenum, words, _, _ = synsets[offset]
        lex_id = next(i for w, i in words if w == lemma)
        return counts.get('%s%%2:%s:%02d::' % (lemma, lex_filenum, lex_id), 0)

    def why_not(lemma):
        """Why a corpus label that is a WordNet verb joins no group, or None."""
        words = lemma.split('_')
        if words[0] in LIGHT:
            return 'light verb'
        if lemma.replace('_', ' ') in NEVER:
            return 'listed in NEVER'
        if len(words) > 1 and words[-1] in PREPOSITIONS and \
                facts[lemma.replace('_', ' ')] < facts[words[0]]:
            return 'preposition of an adjunct'
        offsets = index[lemma]
        if len(offsets) > 1:
            first = tags(lemma, offsets[0])
            if first < MIN_TAGS or first < MIN_SHARE * sum(tags(lemma, o) for o in offsets):
                return 'weak first sense'
        return None

    # Each corpus verb joins its first sense's synset, when that sense is the verb's usual one.
    members = collections.defaultdict(list)  # synset offset -> labels whose first sense it is
    left_out = collections.Counter()
    for lemma, offsets in index.items():
        label = lemma.replace('_', ' ')
        if facts[label] == 0:
            continue
        why = why_not(lemma)
        if why:
            left_out[why] += 1
            continue
        members[offsets[0]].append(label)

    def near(offset, name):
        """Whether `offset` is a sense of verb `name` or one hop from one."""
        for o in index.get(name.replace(' ', '_'), []):
            if o == offset or offset in synsets[o][2]:
                return True
        return False

    rows, dropped = [], []
    for offset, labels in members.items():
        groups = sorted({curated[x] for x in labels if x in curated})
        new = sorted((x for x in labels if x not in curated), key=lambda x: (-facts[x], x))
        if not new or (not groups and len(new) < 2):
            continue
        if groups:
            if len(groups) > 1 or not near(offset, groups[0]):
                dropped.append((offset, labels, groups))
                continue
            name = groups[0]
        else:
            name = new[0]
        rows.append((name, new, offset, labels))

    rows.sort(key=lambda r: r[0])
    with open(a.output, 'w', encoding='utf-8') as out:
        out.write('# Relation groups from WordNet 3.0 verbs, read after the curated\n'
                  '# relation_groups.tsv (same format; a row named like a curated group adds its\n'
                  '# labels to that group). Generated, do not edit:\n'
                  '# scripts/relation-groups-wordnet.py (the rule is in its help and\n'
                  '# docs/query.md) over WordNet 3.0 (Debian wordnet-base) and the relation\n'
                  '# labels of %s. WordNet\'s license:\n'
                  '#\n' % a.corpus)
        out.write(''.join('# ' + x + '\n' if x else '#\n' for x in WORDNET_LICENSE.split('\n')))
        out.write('#\n')
        for name, new, _, _ in rows:
            out.write('%s\t%s\n' % (name, ', '.join(new)))

    if a.report:
        def size(r):
            return sum(facts[x] for x in r[1])
        print('%d WordNet groups (%d add to curated ones), %d labels; left out: %s'
              % (len(rows), sum(r[0] in curated for r in rows), sum(len(r[1]) for r in rows),
                 ', '.join('%s %d' % x for x in left_out.most_common())), file=sys.stderr)
        for r in sorted(rows, key=lambda r: -size(r))[:a.report]:
            name, new, offset, labels = r
            print('%6d  %-12s %s  [%s] %s' % (
                size(r), name, ', '.join('%s %d' % (x, facts[x]) for x in
                                         sorted(labels, key=lambda x: -facts[x])),
                offset, synsets[offset][3][:60]), file=sys.stderr)
        for offset, labels, groups in dropped:
            print('dropped [%s] %s: %s of %s, whose name has no sense near this one'
                  % (offset, ', '.join(labels), ', '.join(x for x in labels if x in curated),
                     ', '.join(groups)), file=sys.stderr)


if __name__ == '__main__':
    main()
