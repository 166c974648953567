#!/usr/bin/env python3
"""CPU seconds per thread group of a run sampled by thread-cpu-sample.sh.

    bench/scripts/thread-cpu.py OUT_DIR [FROM]

FROM (0..1, default 0): start from the snapshot at that fraction of the run (0.3 skips most of start-up). The end is
the snapshot with the most CPU (threads that ended before it are missing from later ones). Thread names come from
the jcmd dumps; numbers and ids in them are folded so that, e.g., all C2 compiler threads are one group.
"""
import collections
import glob
import re
import sys

out = sys.argv[1]
start = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0


def index(path):
    return int(path.rsplit('.', 1)[1])


def load(path):
    threads = {}
    for line in open(path):
        _, tid, comm, utime, stime = line.split()
        threads[int(tid)] = (comm, int(utime) + int(stime))
    return threads


snaps = [load(p) for p in sorted(glob.glob(out + '/snap.*'), key=index)]
snaps = [s for s in snaps if len(s) > 20]
names = {}
for dump in glob.glob(out + '/threads.*'):
    for line in open(dump):
        m = re.match(r'^"(.*?)".*nid=(0x[0-9a-f]+)', line)
        if m:
            names[int(m.group(2), 16)] = m.group(1)


def group(name):
    name = re.sub(r'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'ID', name)
    name = re.sub(r'bench-pipeline-[0-9-]*r\d+-?', '', name)
    return re.sub(r'\d+$', 'N', name)


end = max(range(len(snaps)), key=lambda i: sum(t for _, t in snaps[i].values()))
first = snaps[int(start * end)] if start > 0 else {}
total = collections.Counter()
for tid, (comm, ticks) in snaps[end].items():
    total[group(names.get(tid, comm))] += ticks - first.get(tid, (comm, 0))[1]
cpu = sum(total.values())
print(f'{len(snaps)} snapshots, from {int(start * end)} to {end}: {cpu / 100:.1f} s CPU in all')
for name, ticks in total.most_common(15):
    print(f'{ticks / 100:8.2f} s {100 * ticks / cpu:5.1f} %  {name}')
