#!/usr/bin/env bash
# Builds bench and the modules it needs, writing the runtime classpath to bench/target/bench.classpath.
# Sourced by run-ingest.sh, run-store.sh, run-translate.sh and run-statistics.sh. SKIP_BUILD=1 reuses the last build; MVN_FLAGS adds Maven flags.
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
CLASSPATH_FILE="$BENCH/target/bench.classpath"
if [[ "${SKIP_BUILD:-}" != 1 || ! -f "$CLASSPATH_FILE" ]]; then
  echo "bench: building bench and the modules it needs ..." >&2
  # shellcheck disable=SC2086
  mvn -B -q -f "$ROOT/pom.xml" ${MVN_FLAGS:-} -DskipTests -pl bench -am package dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE" -Dmdep.includeScope=runtime >&2 \
    || { echo "bench: build failed; run 'mvn -f $ROOT/pom.xml -pl bench -am package' to see why" >&2; exit 1; }
  # every reactor module writes the file in turn; bench comes last, so it holds bench's classpath
fi
BENCH_CLASSPATH="$BENCH/target/classes:$(cat "$CLASSPATH_FILE")"
# the hub's JVM flags, as bin/meterhub run starts it (bin/hub-java-options); JAVA_OPTS replaces them
HUB_JAVA_OPTS=${JAVA_OPTS:-$(grep -v '^#' "$ROOT/bin/hub-java-options" | xargs)}
