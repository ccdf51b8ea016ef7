#!/usr/bin/env bash
# Whole-process timings of mapper against yardsticks, measured side by side in one run:
#   - a trivial `java Hello` on the same JDK (what the JVM alone costs),
#   - the floor under mapper's stack: a minimal picocli program (src/jmh/java/dev/mapper/bench/PicocliFloor.java:
#     one annotated command, seven options), run as the launcher runs mapper (the launcher's JVM flags, a class-data
#     archive of its own trained on what is measured), for show, --help and --version,
#   - the jq pipeline that answers the same question from the same files (both lookups: mapping files, ATT&CK),
#     with mapper's cache of parsed files warm (its usual state) and without it (--no-cache);
#   - one show of the same ID, for a show of every technique in one process;
#   - mapper's own show T1528, for an adversary question (coverage --group) over the same corpus;
#   - the same result as JSON, for a table that wraps one very long comment.
# Runs alternate (A, B, A, B, ...) so that load from other processes hits both sides alike; the medians and their
# ratio are printed. There is no pass/fail on absolute times: they depend on the machine.
#
# Usage: bench/run.sh [runs]          (default 11; env: MAPPER_CORPUS, default ../shared/corpus;
#                                     MAPPER_BENCH_ONLY=REGEX runs only the lines whose label matches, e.g. 'IDs|same')
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-11}"
corpus="$(cd "${MAPPER_CORPUS:-$here/../shared/corpus}" && pwd)"
mapper="$here/mapper"
id=T1528

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$java" >/dev/null || { echo "bench: java not found" >&2; exit 2; }
command -v jq >/dev/null || { echo "bench: jq not found (apt-get install jq)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A cache of its own, filled by each comparison's warm-up run: what a user sees from the second run on.
export MAPPER_CACHE_DIR="$work/cache"
# No data home: the bundled run measures the bundled data, whatever the machine has installed.
export MAPPER_DATA_HOME="$work/data-home"
cat >"$work/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello");
    }
}
JAVA
"${java}c" -d "$work" "$work/Hello.java"

# The picocli floor, built against the picocli jar mapper uses (the first ./mapper run builds mapper if needed) and
# started with the launcher's own JVM flags (read from its exec command, so that the two cannot drift apart).
"$mapper" --version >/dev/null
jvm_flags=$(sed -n '/^exec "\$java" /,/"\$@"$/p' "$mapper" | tr '\n' ' ' \
  | sed 's/ *\\ */ /g; s/^exec "\$java" //; s/ *\${MAPPER_JAVA_OPTS:-} "\$@".*$//')
case $jvm_flags in *TieredStopAtLevel*) ;; *) echo "bench: cannot read the JVM flags of $mapper" >&2; exit 2 ;; esac
mkdir -p "$work/floor/classes"
cp "$here"/target/lib/picocli-*.jar "$work/floor/picocli.jar"
"${java}c" -XDstringConcat=inline -cp "$work/floor/picocli.jar" -d "$work/floor/classes" \
  "$here/src/jmh/java/dev/mapper/bench/PicocliFloor.java"
printf 'Class-Path: picocli.jar\n' >"$work/floor/manifest.txt"
"${java%java}jar" --create --file "$work/floor/floor.jar" --manifest "$work/floor/manifest.txt" \
  --main-class dev.mapper.bench.PicocliFloor -C "$work/floor/classes" .
for args in "$id" --help --version; do
  "$java" -XX:DumpLoadedClassList="$work/floor/classes-${args#--}.txt" -jar "$work/floor/floor.jar" $args >/dev/null
done
cat "$work"/floor/classes-*.txt >"$work/floor/classes.txt"
"$java" -Xshare:dump -XX:SharedClassListFile="$work/floor/classes.txt" -XX:SharedArchiveFile="$work/floor/floor.jsa" \
  -Xlog:cds=off -jar "$work/floor/floor.jar" >/dev/null 2>&1
# shellcheck disable=SC2086 # jvm_flags holds several options
floor="'$java' $jvm_flags -XX:SharedArchiveFile='$work/floor/floor.jsa' -Xshare:on -jar '$work/floor/floor.jar'"

mappings=("$corpus"/mappings/*/*.json)
# The jq pipeline: mapping objects for the ID or its sub-techniques in every mapping file, then the technique in
# the ATT&CK bundle.
cat >"$work/jq.sh" <<JQ
jq -c '.mapping_objects[] | select((.attack_object_id // "") | test("^$id(\\\\.|\$)"))' $(printf "'%s' " "${mappings[@]}")
jq -c '.objects[] | select(.type == "attack-pattern" and any(.external_references[]?; .external_id == "$id"))' \\
  $(printf "'%s' " "$corpus"/attack/*.json)
JQ

# Seconds of wall time of one run of "$@", output discarded; a failing command stops the benchmark.
wall() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$work/stderr" || { echo "bench: failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s%N)
  echo "scale=4; ($end - $start) / 1000000000" | bc
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# compare LABEL GOAL "A command" "B command": alternates A and B, prints both medians and A/B.
compare() {
  local label="$1" goal="$2" a="$3" b="$4" i
  [[ -z ${MAPPER_BENCH_ONLY:-} || $label =~ $MAPPER_BENCH_ONLY ]] || return 0
  : >"$work/a"; : >"$work/b"
  eval "$a" >/dev/null 2>&1 || true # warm-up: page cache, first-run build and class-data archive
  eval "$b" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    wall bash -c "$a" >>"$work/a"
    wall bash -c "$b" >>"$work/b"
  done
  local ma mb
  ma=$(median <"$work/a"); mb=$(median <"$work/b")
  printf '%-44s %8.3fs %8.3fs %7.2fx   (goal <= %s)\n' "$label" "$ma" "$mb" "$(echo "scale=4; $ma / $mb" | bc)" "$goal"
}

echo "mapper benchmark: $runs alternated runs each, medians of wall time"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $("$java" -version 2>&1 | head -1); jq: $(jq --version)"
printf '%-44s %9s %9s %8s\n' "" "mapper" "baseline" "ratio"
compare "show $id (bundled) vs java Hello" "2.0x" \
  "'$mapper' show $id" \
  "'$java' -cp '$work' Hello"
compare "show $id (bundled) vs minimal picocli" "1.1x" \
  "'$mapper' show $id" \
  "$floor $id"
compare "--help vs minimal picocli --help" "1.1x" \
  "'$mapper' --help" \
  "$floor --help"
compare "--version vs minimal picocli --version" "1.1x" \
  "'$mapper' --version" \
  "$floor --version"
compare "show $id --format json (corpus) vs jq" "0.25x" \
  "'$mapper' --data '$corpus' show $id --format json" \
  "bash '$work/jq.sh'"
compare "  the same with --no-cache (parse every run)" "-" \
  "'$mapper' --no-cache --data '$corpus' show $id --format json" \
  "bash '$work/jq.sh'"
# An adversary question decodes the release's groups and relationships (deferred: show T1528 does not).
compare "coverage --group G0016 (aws) vs show $id" "1.5x" \
  "'$mapper' --data '$corpus' coverage --group G0016 --framework aws --format json" \
  "'$mapper' --data '$corpus' show $id --format json"
# One mapping whose comment is a single 7-million-character word (the string limit is 8 MiB): the table wraps it,
# JSON writes it as it is; wrapping is linear, so the two should be close.
mkdir -p "$work/long"
head -c 7000000 /dev/zero | tr '\0' x >"$work/long.txt"
jq --rawfile c "$work/long.txt" '.mapping_objects[0].comments = $c' \
  "$here/data/mappings/aws-12.12.2024_attack-16.1-enterprise-T1528.json" >"$work/long/aws.json"
compare "show $id, a 7M-character comment: table vs json" "1.5x" \
  "'$mapper' --no-bundled --data '$work/long' show $id" \
  "'$mapper' --no-bundled --data '$work/long' show $id --format json"

# Every current technique of the corpus's ATT&CK bundle (listed by jq, not by mapper) in one show from stdin, against
# one show of $id on the same data: a script that looks up a threat report's techniques pays the start once.
jq -r '.objects[] | select(.type == "attack-pattern" and (.revoked | not) and (.x_mitre_deprecated | not))
  | .external_references[] | select(.source_name == "mitre-attack") | .external_id' "$corpus"/attack/*.json \
  | sort -u >"$work/ids.txt"
techniques=$(wc -l <"$work/ids.txt")
compare "show of $techniques IDs (stdin) vs show $id (corpus)" "1.5x" \
  "'$mapper' --data '$corpus' show - <'$work/ids.txt'" \
  "'$mapper' --data '$corpus' show $id"
compare "  the same with --format json" "1.5x" \
  "'$mapper' --data '$corpus' show - --format json <'$work/ids.txt'" \
  "'$mapper' --data '$corpus' show $id --format json"

# validate and export over every corpus file in one process, per file. Skipped until the commands exist;
# override the command lines with MAPPER_BENCH_VALIDATE / MAPPER_BENCH_EXPORT if their syntax differs.
per_file() {
  local label="$1" cmd="$2" i
  [[ -z ${MAPPER_BENCH_ONLY:-} || $label =~ $MAPPER_BENCH_ONLY ]] || return 0
  : >"$work/c"
  eval "$cmd" >/dev/null 2>&1 || { printf '%-44s skipped (failed: %s)\n' "$label" "$cmd"; return; }
  for ((i = 0; i < runs; i++)); do
    wall bash -c "$cmd" >>"$work/c"
  done
  local m
  m=$(median <"$work/c")
  printf '%-44s %8.3fs %8s %7.3fs per file (goal: well under 1s per file)\n' "$label" "$m" "" \
    "$(echo "scale=4; $m / ${#mappings[@]}" | bc)"
}
files="$(printf "'%s' " "${mappings[@]}")"
if "$mapper" help validate >/dev/null 2>&1; then
  per_file "validate ${#mappings[@]} mapping files, one process" \
    "${MAPPER_BENCH_VALIDATE:-'$mapper' --no-bundled validate $files}"
else
  printf '%-44s skipped (no validate command yet)\n' "validate ${#mappings[@]} mapping files"
fi
if "$mapper" help export >/dev/null 2>&1; then
  per_file "export ${#mappings[@]} mapping files, one process" \
    "${MAPPER_BENCH_EXPORT:-'$mapper' --no-bundled --data '$corpus/mappings' export mappings --all-versions --format csv}"
else
  printf '%-44s skipped (no export command yet)\n' "export ${#mappings[@]} mapping files"
fi
