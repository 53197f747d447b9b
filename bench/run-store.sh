#!/usr/bin/env bash
# The embedded store alone (no broker, no Camel): notifications/s per document layout. See bench/README.md.
#   bench/run-store.sh [N]        default N=20000
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
CLASSPATH_FILE="$BENCH/target/bench.classpath"
if [[ "${SKIP_BUILD:-}" != 1 || ! -f "$CLASSPATH_FILE" ]]; then
  echo "run-store: building bench and the modules it needs ..." >&2
  # shellcheck disable=SC2086
  mvn -B -q -f "$ROOT/pom.xml" ${MVN_FLAGS:-} -DskipTests -pl bench -am package dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime >&2
fi
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$BENCH/target/classes:$(cat "$CLASSPATH_FILE")" \
    io.meterhub.bench.StoreBenchmark "${1:-20000}" "$ROOT/testdata/corpus/notifications.jsonl"
