#!/usr/bin/env python3
"""Article pairs from a judged story sample, for `eval-stories --judged-pairs` (offline; never run by the app or CI).

usage: judged_pairs.py SAMPLE.md SPEC > pairs.tsv

SAMPLE.md is the `--sample-out` file the judges read (kept outside the repository: it quotes the corpus), which lists
each sampled story's articles. SPEC has one line per judged story, written from the verdicts' notes:
  N same                      one event: every pair of its articles is one matter
  N alldiff [A=B=C ...]       every article its own matter (one kind of report), but each group A=B=C is one
  N listed ID... [exclude:ID] the IDs are other matters than the rest; exclude: an article left out (borderline)
  N skip                      no pair can be told (a borderline verdict naming no article)
IDs as the verdicts write them: reuters-01927, or 01927 for a Reuters article, bbc/tech/265.
"""
import itertools
import re
import sys


def stories(sample):
    found, current = {}, None
    for line in open(sample, encoding="utf-8"):
        m = re.match(r"## (\d+)\. ", line)
        if m:
            current = int(m.group(1))
            found[current] = []
            continue
        m = re.match(r"\d+\. `([^`]+)`", line)
        if m and current:
            found[current].append(m.group(1))
    return found


def article(token):
    if token.startswith("bbc/"):
        return token + ".txt"
    if token.startswith("reuters-"):
        return "reuters/" + token + ".txt"
    return "reuters/reuters-" + token + ".txt"


def pairs(members, spec):
    for line in open(spec, encoding="utf-8"):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        n, kind, rest = int(fields[0]), fields[1], fields[2:]
        arts = members[n]
        if kind == "skip":
            continue
        if kind == "same":
            for a, b in itertools.combinations(arts, 2):
                yield a, b, "same", n
        elif kind == "alldiff":
            alike = set()
            for group in rest:
                members_of_group = [article(x) for x in group.split("=")]
                for x in members_of_group:
                    if x not in arts:
                        sys.exit(f"story {n}: {x} is not one of its articles")
                alike.update(frozenset(p) for p in itertools.combinations(members_of_group, 2))
            for a, b in itertools.combinations(arts, 2):
                yield a, b, "same" if frozenset((a, b)) in alike else "different", n
        elif kind == "listed":
            listed = [article(x) for x in rest if not x.startswith("exclude:")]
            left_out = {article(x[len("exclude:"):]) for x in rest if x.startswith("exclude:")}
            for x in listed:
                if x not in arts:
                    sys.exit(f"story {n}: {x} is not one of its articles")
            for a in listed:
                for b in arts:
                    if b not in listed and b not in left_out:
                        yield a, b, "different", n
        else:
            sys.exit(f"story {n}: unknown kind {kind}")


def main():
    sample, spec = sys.argv[1], sys.argv[2]
    print(f"# Article pairs from the judged sample, made by eval/scripts/judged_pairs.py from {spec.split('/')[-1]}")
    print("# article A\tarticle B\tsame|different\tstory number in the judgement")
    for a, b, kind, n in pairs(stories(sample), spec):
        print(f"{a}\t{b}\t{kind}\t{n}")


if __name__ == "__main__":
    main()
