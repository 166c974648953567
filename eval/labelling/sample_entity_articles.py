#!/usr/bin/env python3
"""Prints the articles chosen for hand-labelled entities (issue 12), reproducibly.

Usage: python3 eval/labelling/sample_entity_articles.py [corpus-dir]   (default ../shared/corpus)

Each corpus's article ids are sorted, then shuffled with random.Random(seed) (Python's Mersenne
Twister, stable across Python 3 versions for shuffle of a list) and taken in that order. html-gold
pages whose gold body is not English are skipped, because the labeller (and the pipeline's
entity rules) are English-only; the script prints the skipped ids so the choice stays visible.
"""
import json
import random
import sys
from pathlib import Path

SEED = 12  # issue number; any fixed value would do, this one is documented
WANT = {"bbc": 40, "reuters": 35, "html-gold": 25}


def english(text: str) -> bool:
    # Non-English gold bodies in html-gold are Korean, Russian, Portuguese, Italian, German,
    # Japanese and Indonesian pages; a stop-word share separates them from English reliably.
    words = [w.lower() for w in text.split()[:300]]
    common = {"the", "and", "of", "to", "a", "in", "is", "that", "for", "it", "on", "with"}
    return bool(words) and sum(w in common for w in words) / len(words) > 0.12


def main() -> None:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
    bbc = sorted(str(p.relative_to(root / "bbc")) for p in (root / "bbc").glob("*/*.txt"))
    reuters = sorted(p.name for p in (root / "reuters").glob("reuters-*.txt"))
    gold = json.loads((root / "html-gold" / "ground-truth.json").read_text(encoding="utf-8"))
    for corpus, ids in (("bbc", bbc), ("reuters", reuters), ("html-gold", sorted(gold))):
        order = list(ids)
        random.Random(SEED).shuffle(order)
        chosen, skipped = [], []
        for i in order:
            if len(chosen) == WANT[corpus]:
                break
            if corpus == "html-gold" and not english(gold[i]["articleBody"]):
                skipped.append(i)
                continue
            chosen.append(i)
        for i in chosen:
            print(corpus, i)
        for i in skipped:
            print("# skipped (not English):", corpus, i)


if __name__ == "__main__":
    main()
