#!/usr/bin/env bash
# npm run neo4j: a local Neo4j 5.26 LTS (community) on bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687},
# no Docker. The first run fetches Neo4j's jars from Maven Central into scripts/neo4j/lib
# (~60 s, 116 MB); later runs reuse them. Authentication is off (loopback only).
#   NEO4J_BOLT_PORT  Bolt port (default 7687)
#   NEO4J_DATA_DIR   data folder (default .neo4j/data under the project)
#   NEO4J_HEAP       JVM heap (default 1g)
#   NEO4J_PAGECACHE_MB  page cache in MiB (default 256)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
lib="$here/lib"

# lib/.complete marks a finished fetch, so an interrupted one is redone.
if [ ! -f "$lib/.complete" ]; then
  echo "neo4j: fetching Neo4j jars into $lib (first run, ~60 s)" >&2
  rm -rf "$lib"
  mvn -B -q -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$lib"
  touch "$lib/.complete"
fi
if [ "${1:-}" = "--fetch-only" ]; then exit 0; fi

export NEO4J_DATA_DIR="${NEO4J_DATA_DIR:-$root/.neo4j/data}"
# Neo4j reaches into JDK internals (off-heap memory, Netty): Java 17 needs these opened.
exec java \
  -Xms"${NEO4J_HEAP:-1g}" -Xmx"${NEO4J_HEAP:-1g}" \
  -XX:+UseG1GC \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --enable-native-access=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$lib/*" "$here/Neo4jLocal.java"
