#!/usr/bin/env python3
"""How far can the story features go on a labelled corpus, whatever the clustering? (docs/stories.md, "The features'
ceiling on ECB+")

Reads the features `./newsline eval-stories --features-out FILE` writes (article id, term, weight: the unit-length vectors
the matcher compares) and the corpus's labels.tsv (doc_id, topic, event), and prints B-cubed precision, recall and F1
of three clusterings that the app cannot run, each given the same vectors:

1. offline agglomerative clustering (SciPy's `linkage` on cosine distance: single, average, complete and weighted
   linkage), cut at every similarity from 0.00 to 0.70 in steps of 0.01: the best cut, chosen on the labels themselves
   (an upper bound for that method, not a result a tuned system could expect on new data), and the cut at --threshold;
2. one online pass like the matcher's, but comparing every article with every story (no blocking keys, no time or size
   rule, no pruned centroid): in file-name order and in --shuffles random orders;
   and the same pass followed by one reassignment pass: each article in turn moves to the story whose centroid is now
   the most similar to it (its own story's without it), when that reaches the threshold; once with every article
   free to move, once with only single-article stories moving (what merging singles into grown stories could do);
3. with the events' own centroids known (an oracle): each article given to the most similar event centroid (its own
   without it), over all events, and whether its own event's centroid is more similar to it than the other event's
   of its topic: how separable the events are once their stories are formed.

Offline analysis only (needs numpy and scipy: `pip install numpy scipy`); nothing in the app or CI runs it.

    ./newsline eval-stories --features-out /tmp/ecb-features.tsv
    eval/scripts/story_ceiling.py /tmp/ecb-features.tsv ../shared/corpus/ecbplus/labels.tsv
"""
import argparse
from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform


def read_vectors(path):
    """The articles' ids in file order and their vectors as rows of a dense matrix (unit length as written)."""
    docs, terms, entries = {}, {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc, term, weight = line.rstrip("\n").split("\t")
            entries.append((docs.setdefault(doc, len(docs)), terms.setdefault(term, len(terms)), float(weight)))
    x = np.zeros((len(docs), len(terms)))
    for row, col, weight in entries:
        x[row, col] = weight
    return list(docs), x


def label_id(article_id):
    """`dir/1_10ecb.txt` -> `1_10ecb`: the labels' doc id is the file name without directory and extension."""
    return article_id.rsplit("/", 1)[-1].split(".", 1)[0]


def read_events(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    return {r[0]: r[2] for r in rows[1:] if len(r) >= 3}


def bcubed(clusters, events):
    """B-cubed precision, recall and F1 of one cluster label per article against one event per article."""
    in_cluster, in_event, both = Counter(clusters), Counter(events), Counter(zip(clusters, events))
    p = np.mean([both[(c, e)] / in_cluster[c] for c, e in zip(clusters, events)])
    r = np.mean([both[(c, e)] / in_event[e] for c, e in zip(clusters, events)])
    return p, r, 2 * p * r / (p + r)


def online(x, order, threshold):
    """Each article joins the most similar story (cosine with the sum of its articles) reaching the threshold, or
    starts one: the matcher's rule with every story a candidate."""
    sums = np.zeros_like(x)
    norms = np.zeros(len(x))
    story_of = np.zeros(len(x), dtype=int)
    stories = 0
    for k in order:
        if stories:
            similarity = sums[:stories] @ x[k] / norms[:stories]
            best = int(np.argmax(similarity))
        if stories and similarity[best] >= threshold:
            story = best
        else:
            story, stories = stories, stories + 1
        sums[story] += x[k]
        norms[story] = np.linalg.norm(sums[story])
        story_of[k] = story
    return list(story_of)


def group_sums(x, labels):
    """The groups' names in sorted order, each one's row index, and their centroids (the sums of their articles)."""
    names = sorted(set(labels))
    index = {name: i for i, name in enumerate(names)}
    sums = np.zeros((len(names), x.shape[1]))
    for k, name in enumerate(labels):
        sums[index[name]] += x[k]
    return names, index, sums


def similarities(sums, own, article):
    """The article's cosine with each group's centroid, its own group's (row `own`) without it; -1 for an empty one."""
    dots = sums @ article
    norms = np.linalg.norm(sums, axis=1)
    rest = sums[own] - article
    dots[own] = rest @ article
    norms[own] = np.linalg.norm(rest)
    return np.where(norms > 1e-9, dots / np.where(norms > 1e-9, norms, 1), -1)


def reassign(x, story_of, threshold, singles_only):
    """One pass over the articles in file order: each moves to the story (centroid = sum of its articles, its own
    without it) most similar to it now, if that reaches the threshold and beats its own story; with singles_only,
    only an article alone in its story moves. Returns the new assignment and how many articles moved."""
    story_of = list(story_of)
    labels, index, sums = group_sums(x, story_of)
    sizes = np.bincount([index[story] for story in story_of], minlength=len(labels))
    moved = 0
    for k in range(len(x)):
        own = index[story_of[k]]
        if singles_only and sizes[own] > 1:
            continue
        similarity = similarities(sums, own, x[k])
        best = int(np.argmax(similarity))
        if best != own and similarity[best] >= threshold:
            sums[own] -= x[k]
            sums[best] += x[k]
            sizes[own] -= 1
            sizes[best] += 1
            story_of[k] = labels[best]
            moved += 1
    return story_of, moved


def nearest_event(x, events):
    """Each article's most similar event centroid (sum of the event's articles; its own event's without it)."""
    names, index, sums = group_sums(x, events)
    return [names[int(np.argmax(similarities(sums, index[e], x[k])))] for k, e in enumerate(events)]


def separable(x, events):
    """Articles of two-event topics closer to their own event's centroid (without them) than to the other event's."""
    names, index, sums = group_sums(x, events)
    sizes = Counter(events)
    closer = total = 0
    for k, e in enumerate(events):
        topic = e.split("_")[0]
        other = [o for o in names if o != e and o.split("_")[0] == topic]
        if len(other) != 1 or sizes[e] < 2:
            continue
        similarity = similarities(sums, index[e], x[k])
        total += 1
        closer += similarity[index[e]] > similarity[index[other[0]]]
    return closer, total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("features", help="the file eval-stories --features-out wrote")
    parser.add_argument("labels", help="labels.tsv: doc_id, topic, event")
    parser.add_argument("--threshold", type=float, default=0.25, help="the join threshold (default: the app's 0.25)")
    parser.add_argument("--shuffles", type=int, default=3, help="random orders of the online pass (seeds 1..N)")
    args = parser.parse_args()

    ids, x = read_vectors(args.features)
    gold = read_events(args.labels)
    missing = [i for i in ids if label_id(i) not in gold]
    if missing:
        parser.error(f"{len(missing)} articles have no label, e.g. {missing[0]}")
    events = [gold[label_id(i)] for i in ids]
    print(f"{len(ids)} articles, {len(set(events))} events, {x.shape[1]} distinct terms")

    distance = np.clip(1 - x @ x.T, 0, 2)
    np.fill_diagonal(distance, 0)
    condensed = squareform(distance, checks=False)
    cuts = np.round(np.arange(0.0, 0.701, 0.01), 2)
    print("offline agglomerative clustering (best cut chosen on the labels: an upper bound)")
    for method in ("single", "average", "complete", "weighted"):
        tree = linkage(condensed, method=method)
        scores = {cut: bcubed(list(fcluster(tree, 1 - cut, "distance")), events) for cut in cuts}
        best = max(cuts, key=lambda cut: scores[cut][2])
        at = min(cuts, key=lambda cut: abs(cut - args.threshold))
        print(f"  {method:8s} best cut {best:.2f}: P {scores[best][0]:.4f} R {scores[best][1]:.4f} "
              f"F1 {scores[best][2]:.4f};  at {at:.2f}: F1 {scores[at][2]:.4f}")

    print(f"online pass, every story a candidate, threshold {args.threshold:.2f}")
    orders = {"file order": sorted(range(len(ids)), key=lambda k: ids[k])}
    for seed in range(1, args.shuffles + 1):
        order = list(range(len(ids)))
        np.random.default_rng(seed).shuffle(order)
        orders[f"shuffle {seed}"] = order
    for name, order in orders.items():
        stories = online(x, order, args.threshold)
        p, r, f1 = bcubed(stories, events)
        line = f"  {name:10s} P {p:.4f} R {r:.4f} F1 {f1:.4f}"
        for singles_only, what in ((False, "every article"), (True, "singles only")):
            moved_stories, moved = reassign(x, stories, args.threshold, singles_only)
            p, r, f1 = bcubed(moved_stories, events)
            line += f";  then reassigned, {what}: {moved} moved, P {p:.4f} R {r:.4f} F1 {f1:.4f}"
        print(line)

    nearest = nearest_event(x, events)
    p, r, f1 = bcubed(nearest, events)
    own = sum(n == e for n, e in zip(nearest, events))
    print(f"oracle: each article to its nearest event centroid: {own} of {len(ids)} to their own; "
          f"P {p:.4f} R {r:.4f} F1 {f1:.4f}")
    closer, total = separable(x, events)
    print(f"articles closer to their own event's centroid than to the other event of their topic: {closer} of {total}")


if __name__ == "__main__":
    main()
