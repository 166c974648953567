#!/usr/bin/env bash
# Compares `newsline produce` with Kafka's own ProducerPerformance (kafka-tools 4.3.1) on the same broker, the same
# article texts, the same record count and the producer's own settings; prints records/s and MB/s per run and the
# ratio of the medians. Runs are interleaved (order alternating), each into a fresh topic of 6 partitions.
#
#   producer/scripts/compare-with-producer-perf.sh --bootstrap-servers 127.0.0.1:9092 \
#       --schema-registry-url http://127.0.0.1:8081/apis/ccompat/v7 [--runs 3] [DIR...]
#
# DIRs default to ../shared/corpus/bbc and ../shared/corpus/reuters. Both figures are each tool's own: `produce`'s
# "Elapsed" rate (first file listed to last acknowledgement) and ProducerPerformance's (first send to close()), so
# JVM start-up and connecting count for neither ("process" is each whole command, JVM start to exit). Needs a running broker and registry
# (`./newsline local up`), java, mvn (once, to fetch kafka-tools and its dependencies from Maven Central into
# $NEWSLINE_PERF_CACHE, default ~/.cache/newsline/producer-perf) and perl.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bootstrap="${NEWSLINE_BOOTSTRAP_SERVERS:-}"
registry="${NEWSLINE_SCHEMA_REGISTRY_URL:-}"
runs=3
partitions=6
dirs=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --bootstrap-servers) bootstrap="$2"; shift 2 ;;
    --schema-registry-url) registry="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) dirs+=("$1"); shift ;;
  esac
done
[[ -n "$bootstrap" && -n "$registry" ]] || { echo "need --bootstrap-servers and --schema-registry-url" >&2; exit 2; }
[[ ${#dirs[@]} -gt 0 ]] || dirs=("$root/../shared/corpus/bbc" "$root/../shared/corpus/reuters")

cache="${NEWSLINE_PERF_CACHE:-$HOME/.cache/newsline/producer-perf}"
mkdir -p "$cache"
if [[ ! -f "$cache/lib/kafka-tools-4.3.1.jar" ]]; then
  echo "fetching kafka-tools 4.3.1 and its dependencies into $cache/lib" >&2
  cat >"$cache/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.newsline</groupId><artifactId>producer-perf</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>4.3.1</version></dependency>
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-nop</artifactId><version>1.7.36</version></dependency>
  </dependencies>
</project>
POM
  (cd "$cache" && mvn -B -q dependency:copy-dependencies -DoutputDirectory="$cache/lib") >&2
fi
cp="$cache/lib/*"

# Build the newsline jar if needed (the launcher does it), then run it directly so both tools start alike.
# NEWSLINE_JAR=path runs another build instead (e.g. one of an earlier commit, for a before/after figure);
# NEWSLINE_JAVA_OPTS is passed to produce's JVM, as the launcher does (ProducerPerformance runs with the defaults).
jar="${NEWSLINE_JAR:-}"
if [[ -z "$jar" ]]; then
  "$root/newsline" --version >/dev/null
  jar="$root/cli/target/newsline.jar"
fi

# The same texts ProducerPerformance sends: every file `produce` picks (hidden, *.tmp and *.part left out), in the
# same order, separated by a delimiter that occurs in none of them.
delimiter='@@NEWSLINE-ARTICLE-BOUNDARY@@'
payload="$cache/payload.txt"
mapfile -d '' files < <(find "${dirs[@]}" -type f ! -name '.*' ! -name '*.tmp' ! -name '*.part' -print0 | sort -z)
count=${#files[@]}
printf '%s\0' "${files[@]}" | D="$delimiter" perl -0 -ne 'chomp; local $/; open(my $f, "<", $_) or die "$_: $!";
  my $t = <$f>; die "delimiter occurs in $_\n" if index($t, $ENV{D}) >= 0; print $t, $ENV{D};' >"$payload"
bytes=$(( $(stat -c %s "$payload") - count * ${#delimiter} ))
echo "payload: $count files, $bytes bytes (mean $(( bytes / count )) B), from ${dirs[*]}" >&2

# The settings `newsline produce` uses by default (ProducerSettings.defaults with --max-file-size 4MiB).
props=(acks=all enable.idempotence=true compression.type=zstd linger.ms=20 batch.size=262144
  max.request.size=12648448 buffer.memory=67108864 max.block.ms=30000)

create_topic() {
  java -cp "$cp" org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --topic "$1" \
    --partitions "$partitions" --replication-factor 1 >/dev/null 2>&1
}

stamp=$(date +%s)
results=()
run_produce() {
  local topic="perf-newsline-$stamp-$1" out
  create_topic "$topic"
  local start; start=$(date +%s.%N)
  # shellcheck disable=SC2086  # NEWSLINE_JAVA_OPTS is a list of JVM options, as for the ./newsline launcher.
  out=$(java ${NEWSLINE_JAVA_OPTS:-} -jar "$jar" produce --bootstrap-servers "$bootstrap" --schema-registry-url "$registry" \
    --topic "$topic" --no-progress "${dirs[@]}" 2>&1) || { echo "$out" >&2; exit 1; }
  # "Elapsed:       12.3 s (1042.8 files/s, 4.3 MiB/s)": counted from the first file to the last acknowledgement.
  local secs; secs=$(sed -n 's/^Elapsed: *\([0-9.]*\) s.*/\1/p' <<<"$out")
  local wall; wall=$(bc -l <<<"$(date +%s.%N) - $start")
  results+=("newsline-produce $1 $secs $wall")
  printf '%-20s run %d  %6d records  %6.2f s  %6.0f records/s  %5.2f MB/s  (process %5.2f s)  load %s\n' \
    newsline-produce "$1" "$count" "$secs" "$(bc -l <<<"$count / $secs")" "$(bc -l <<<"$bytes / $secs / 1000000")" \
    "$wall" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
run_perf() {
  local topic="perf-kafka-$stamp-$1" out
  create_topic "$topic"
  local start; start=$(date +%s.%N)
  out=$(java -cp "$cp" org.apache.kafka.tools.ProducerPerformance --bootstrap-server "$bootstrap" --topic "$topic" \
    --num-records "$count" --throughput -1 --payload-file "$payload" --payload-delimiter "$delimiter" \
    --command-property "${props[@]}" 2>&1) || { echo "$out" >&2; exit 1; }
  # Last line: "12827 records sent, 5000.0 records/sec (7.50 MB/sec), ..."; time from the first send to close().
  local rate; rate=$(tail -n1 <<<"$out" | sed -n 's/^[0-9]* records sent, \([0-9.]*\) records\/sec.*/\1/p')
  local secs; secs=$(bc -l <<<"$count / $rate")
  local wall; wall=$(bc -l <<<"$(date +%s.%N) - $start")
  results+=("ProducerPerformance $1 $secs $wall")
  printf '%-20s run %d  %6d records  %6.2f s  %6.0f records/s  %5.2f MB/s  (process %5.2f s)  load %s\n' \
    ProducerPerformance "$1" "$count" "$secs" "$rate" "$(bc -l <<<"$bytes / $secs / 1000000")" "$wall" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

for ((i = 1; i <= runs; i++)); do
  if ((i % 2)); then run_produce "$i"; run_perf "$i"; else run_perf "$i"; run_produce "$i"; fi
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
median_of() { printf '%s\n' "${results[@]}" | awk -v who="$1" -v col="$2" '$1 == who {print $col}' | median; }
ours=$(median_of newsline-produce 3); theirs=$(median_of ProducerPerformance 3)
printf 'median: newsline produce %.0f records/s, ProducerPerformance %.0f records/s, ratio %.2fx\n' \
  "$(bc -l <<<"$count / $ours")" "$(bc -l <<<"$count / $theirs")" "$(bc -l <<<"$theirs / $ours")"
ours=$(median_of newsline-produce 4); theirs=$(median_of ProducerPerformance 4)
printf 'median whole process (JVM start to exit): newsline produce %.2f s, ProducerPerformance %.2f s, ratio %.2fx\n' \
  "$ours" "$theirs" "$(bc -l <<<"$theirs / $ours")"
