#!/usr/bin/env bash
# Per-thread CPU of the bench's pipeline JVM, for bench/scripts/thread-cpu.py.
#   bench/scripts/thread-cpu-sample.sh OUT_DIR [PROCESS_PATTERN]
# Start it before `./newsline bench`: it waits for the first process matching PROCESS_PATTERN (default: the
# pipeline, `newsline.jar stream`), then every 2 s writes OUT_DIR/snap.N (one line per thread: time, tid, comm,
# utime, stime in clock ticks, from /proc/PID/task/*/stat) and every 20 s OUT_DIR/threads.N (`jcmd PID Thread.print`,
# which maps native thread ids to full Java thread names), until the process ends.
set -u
out=$1
pattern=${2:-newsline.jar stream}
mkdir -p "$out"
pid=""
while [[ -z "$pid" ]]; do
  pid=$(pgrep -f "$pattern" | head -1)
  sleep 0.5
done
echo "$pid" > "$out/pid"
i=0
while kill -0 "$pid" 2>/dev/null; do
  t=$(date +%s.%N)
  for f in /proc/"$pid"/task/*/stat; do
    s=$(cat "$f" 2>/dev/null) || continue
    tid=${s%% *}
    comm=${s#*(}
    comm=${comm%%)*}
    rest=${s##*) }
    # shellcheck disable=SC2086
    set -- $rest
    echo "$t $tid ${comm// /_} ${12} ${13}"
  done > "$out/snap.$i"
  if (( i % 10 == 5 )); then
    jcmd "$pid" Thread.print > "$out/threads.$i" 2>/dev/null
  fi
  i=$((i + 1))
  sleep 2
done
