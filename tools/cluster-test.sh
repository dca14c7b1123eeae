#!/usr/bin/env bash
# The cluster path, run for real on loopback: three Qdrant nodes of the pinned binary in distributed mode (each with
# its own ports and storage), a collection of 3 shards x 2 replicas, and two service replicas (the real jar) on ONE
# PostgreSQL: replica A starts the embedded one, replica B connects to it as an external database. Checks:
#   1. an offer written through A is found by a search through B;
#   2. with one Qdrant node killed, searches still answer and writes still land;
#   3. after the node restarts it catches up: every shard's replicas are Active with equal point counts.
# Prints what it checks and ends with "cluster-test: passed" (exit 0) or the first failure (exit 1). Everything it
# starts runs under a scratch folder and is stopped on exit; it touches no other data.
#   tools/cluster-test.sh            (builds the jar when missing; needs JDK 21+ and the Qdrant binary)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="$ROOT/app/target/jobmatch-app.jar"
QDRANT_VERSION="$(sed -n 's/^version=//p' qdrant.properties)"
QDRANT="$ROOT/.cache/qdrant/$QDRANT_VERSION/qdrant"
JAVA_HOME="${JOBMATCH_JAVA_HOME:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
JAVA="$JAVA_HOME/bin/java"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/jobmatch-cluster.XXXXXX")"
# Writes need the key once API keys are enforced; before that the service ignores the variable and the header.
API_KEY="cluster-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
PIDS=()

log() { echo "cluster-test: $*"; }
fail() {
  log "FAILED: $*"
  for f in "$WORK"/*.log; do echo "--- last lines of $f"; tail -n 15 "$f"; done
  exit 1
}
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Polls a command until it succeeds or the timeout (seconds) passes.
wait_for() {
  local timeout="$1" what="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    [ "$SECONDS" -lt "$deadline" ] || fail "timed out after ${timeout}s waiting for $what"
    sleep 1
  done
}

[ -x "$JAVA" ] || fail "no JDK at $JAVA_HOME (set JOBMATCH_JAVA_HOME)"
[ -x "$QDRANT" ] || tools/fetch-qdrant.sh
if [ ! -f "$JAR" ]; then
  log "building the jar"
  JAVA_HOME="$JAVA_HOME" ./mvnw -B -q -ntp -DskipTests package
fi

# --- three Qdrant nodes --------------------------------------------------------------------------------------------
declare -a HTTP GRPC P2P QPID
start_node() {
  local i="$1" bootstrap=()
  [ "$i" -gt 1 ] && bootstrap=(--bootstrap "http://127.0.0.1:${P2P[1]}")
  mkdir -p "$WORK/qdrant$i"
  (cd "$WORK/qdrant$i" && exec env \
    QDRANT__CLUSTER__ENABLED=true \
    QDRANT__CLUSTER__P2P__PORT="${P2P[$i]}" \
    QDRANT__SERVICE__HOST=127.0.0.1 \
    QDRANT__SERVICE__HTTP_PORT="${HTTP[$i]}" \
    QDRANT__SERVICE__GRPC_PORT="${GRPC[$i]}" \
    QDRANT__STORAGE__STORAGE_PATH="$WORK/qdrant$i/storage" \
    QDRANT__STORAGE__SNAPSHOTS_PATH="$WORK/qdrant$i/snapshots" \
    QDRANT__TELEMETRY_DISABLED=true \
    "$QDRANT" --uri "http://127.0.0.1:${P2P[$i]}" "${bootstrap[@]}" >>"$WORK/qdrant$i.log" 2>&1) &
  QPID[$i]=$!
  PIDS+=("${QPID[$i]}")
  wait_for 60 "Qdrant node $i" curl -sf "http://127.0.0.1:${HTTP[$i]}/readyz"
}
peers() { curl -sf "http://127.0.0.1:${HTTP[1]}/cluster" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["result"]["peers"]))'; }
for i in 1 2 3; do HTTP[$i]=$(free_port); GRPC[$i]=$(free_port); P2P[$i]=$(free_port); done
for i in 1 2 3; do start_node "$i"; done
wait_for 60 "three peers in the cluster" test "$(peers)" = 3
log "3 Qdrant $QDRANT_VERSION nodes in one cluster (HTTP ${HTTP[1]}, ${HTTP[2]}, ${HTTP[3]})"

# --- two service replicas on one PostgreSQL ------------------------------------------------------------------------
PG_PORT=$(free_port); PORT_A=$(free_port); PORT_B=$(free_port)
NODES="127.0.0.1:${GRPC[1]},127.0.0.1:${GRPC[2]},127.0.0.1:${GRPC[3]}"
COMMON=(
  -Xmx320m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED
  "-Djobmatch.qdrant.host=$NODES"
  -Djobmatch.qdrant.collection-prefix=cluster
  -Djobmatch.qdrant.collection.shards=3
  -Djobmatch.qdrant.collection.replication-factor=2
  -Djobmatch.qdrant.collection.write-consistency-factor=1
  -Djobmatch.qdrant.collection.write-ordering=medium
  -Djobmatch.index.retry-interval=2s
  -Djobmatch.samples.load=false
  "-Djobmatch.model.dir=$ROOT/models"
)
start_service() {
  local name="$1" port="$2"; shift 2
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec env JOBMATCH_API_KEYS="$API_KEY:*" \
    "$JAVA" "${COMMON[@]}" "-Dmicronaut.server.port=$port" "-Djobmatch.data-dir=$WORK/$name/data" "$@" \
    -jar "$JAR" serve >>"$WORK/$name.log" 2>&1) &
  PIDS+=("$!")
  wait_for 240 "service $name on :$port" curl -sf "http://127.0.0.1:$port/health"
}
start_service a "$PORT_A" "-Djobmatch.postgres.port=$PG_PORT"
start_service b "$PORT_B" \
  "-Ddatasources.default.url=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
  -Ddatasources.default.username=postgres -Ddatasources.default.password=
log "service replicas A (:$PORT_A, embedded PostgreSQL :$PG_PORT) and B (:$PORT_B, PostgreSQL of A)"

COLLECTION=$(curl -sf "http://127.0.0.1:${HTTP[1]}/collections" \
  | python3 -c 'import json,sys; print(next(c["name"] for c in json.load(sys.stdin)["result"]["collections"] if c["name"].startswith("cluster_")))')
curl -sf "http://127.0.0.1:${HTTP[2]}/collections/$COLLECTION" | python3 -c '
import json, sys
p = json.load(sys.stdin)["result"]["config"]["params"]
assert p["shard_number"] == 3 and p["replication_factor"] == 2, p
print("cluster-test: collection %s: shard_number=%d replication_factor=%d write_consistency_factor=%d"
      % (sys.argv[1], p["shard_number"], p["replication_factor"], p["write_consistency_factor"]))' "$COLLECTION"

# --- helpers on the HTTP API ---------------------------------------------------------------------------------------
offer_json() { # externalId title description
  python3 -c 'import json,sys; print(json.dumps({"source": "cluster-test", "externalId": sys.argv[1], "title": sys.argv[2],
  "description": sys.argv[3], "language": "en", "country": "GB", "status": "OPEN"}))' "$@"
}
post_offer() { # port externalId title description -> offer id
  offer_json "$2" "$3" "$4" | curl -sf -X POST "http://127.0.0.1:$1/api/offers" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $API_KEY" --data-binary @- | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
found_by() { # port offerId text: the search through that replica returns the offer
  python3 -c 'import json,sys; print(json.dumps({"text": sys.argv[1], "language": "en", "limit": 10}))' "$3" \
    | curl -sf -X POST "http://127.0.0.1:$1/api/search" -H 'Content-Type: application/json' --data-binary @- \
    | python3 -c 'import json,sys; ids=[r["offer"]["id"] for r in json.load(sys.stdin)["results"]]; sys.exit(0 if sys.argv[1] in ids else 1)' "$2"
}
TEXT1="Glassblower for scientific apparatus: shape borosilicate tubes into condensers and flasks for laboratories"
TEXT2="Beekeeper for an urban apiary: inspect hives on office rooftops, harvest honey and teach workshops"
TEXT3="Lighthouse keeper on a remote island: maintain the lamp, log the weather and guide visiting boats"

# --- 1. written through A, found through B -------------------------------------------------------------------------
ID1=$(post_offer "$PORT_A" glassblower "Scientific glassblower" "$TEXT1") || fail "write through A"
wait_for 60 "offer $ID1 (written through A) in a search through B" found_by "$PORT_B" "$ID1" "$TEXT1"
log "1. offer $ID1 written through A is found by a search through B"

# --- 2. one node down ----------------------------------------------------------------------------------------------
kill -9 "${QPID[3]}"
wait "${QPID[3]}" 2>/dev/null || true
log "2. Qdrant node 3 killed (SIGKILL)"
wait_for 60 "a search through B with node 3 down" found_by "$PORT_B" "$ID1" "$TEXT1"
log "2. searches still answer through B (offer $ID1 found)"
ID2=$(post_offer "$PORT_A" beekeeper "Urban beekeeper" "$TEXT2") || fail "write through A with node 3 down"
wait_for 120 "offer $ID2 (written with node 3 down) in a search through B" found_by "$PORT_B" "$ID2" "$TEXT2"
ID3=$(post_offer "$PORT_B" lighthouse "Lighthouse keeper" "$TEXT3") || fail "write through B with node 3 down"
wait_for 120 "offer $ID3 (written with node 3 down) in a search through A" found_by "$PORT_A" "$ID3" "$TEXT3"
log "2. writes still land: $ID2 (through A) and $ID3 (through B) are found with node 3 down"
# Enough offers that every shard, node 3's replicas included, misses some while the node is down.
python3 -c 'import json; print(json.dumps([{"source": "cluster-test", "externalId": "bulk-%d" % i, "language": "en",
  "title": "Warehouse operative %d" % i, "description": "Pick, pack and ship orders in shift %d of a busy depot." % i}
  for i in range(30)]))' \
  | curl -sf -X POST "http://127.0.0.1:$PORT_B/api/offers/bulk" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $API_KEY" --data-binary @- \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["created"] == 30, r' || fail "bulk write with node 3 down"
EXPECTED=33
exact_count() { # through node $1, which forwards to the shards' replicas
  curl -sf -X POST "http://127.0.0.1:${HTTP[$1]}/collections/$COLLECTION/points/count" \
    -H 'Content-Type: application/json' -d '{"exact": true}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["count"])'
}
# A function, so that every poll counts again (indexing runs after the bulk has answered, from the durable queue).
count_is() { [ "$(exact_count "$1")" = "$2" ]; }
wait_for 120 "all $EXPECTED offers indexed with node 3 down" count_is 1 "$EXPECTED"
log "2. a bulk of 30 more through B lands too: exact count through node 1 is $EXPECTED with node 3 down"
NODE3_PEER=$(curl -sf "http://127.0.0.1:${HTTP[1]}/cluster" | python3 -c '
import json, sys
peers = json.load(sys.stdin)["result"]["peers"]
print(next(p for p, v in peers.items() if v["uri"].rstrip("/").endswith(":" + sys.argv[1])))' "${P2P[3]}")
log "2. node 1 lists node 3's replicas as: $(curl -sf "http://127.0.0.1:${HTTP[1]}/collections/$COLLECTION/cluster" \
  | python3 -c 'import json,sys; print(", ".join("shard %d %s" % (s["shard_id"], s["state"]) for s in json.load(sys.stdin)["result"]["remote_shards"] if str(s["peer_id"]) == sys.argv[1]))' "$NODE3_PEER")"

# --- 3. the node comes back and catches up -------------------------------------------------------------------------
start_node 3
log "3. Qdrant node 3 restarted on its storage; its replicas right after: $(curl -sf "http://127.0.0.1:${HTTP[3]}/collections/$COLLECTION/cluster" \
  | python3 -c 'import json,sys; print(", ".join("shard %d %s %d points" % (s["shard_id"], s["state"], s["points_count"]) for s in json.load(sys.stdin)["result"]["local_shards"]))')"
shard_report() { # per shard: state and point count of each replica, read from the node that holds it
  for i in 1 2 3; do
    echo -n "$i "
    curl -sf "http://127.0.0.1:${HTTP[$i]}/collections/$COLLECTION/cluster" || echo -n '{"result": {"local_shards": []}}'
    echo
  done | python3 -c '
import json, sys
replicas = {}
for line in sys.stdin:
    node, _, body = line.strip().partition(" ")
    for shard in json.loads(body)["result"]["local_shards"]:
        replicas.setdefault(shard["shard_id"], []).append((node, shard["state"], shard["points_count"]))
for shard_id in sorted(replicas):
    print("shard %d: %s" % (shard_id, ", ".join("node %s %s %d points" % r for r in replicas[shard_id])))
ok = len(replicas) == 3 and all(len(r) == 2 and all(s == "Active" for _, s, _ in r) and len({c for _, _, c in r}) == 1
                                for r in replicas.values())
sys.exit(0 if ok else 1)'
}
caught_up() { shard_report && [ "$(exact_count 3)" = "$EXPECTED" ]; }
wait_for 180 "node 3's replicas Active with the same point counts as their peers" caught_up
shard_report | sed 's/^/cluster-test: 3. /'
log "3. node 3 caught up: every shard has 2 Active replicas with equal point counts; exact count through node 3: $(exact_count 3)/$EXPECTED"
wait_for 60 "offer $ID2 (written while node 3 was down) in a search through B" found_by "$PORT_B" "$ID2" "$TEXT2"
echo "cluster-test: passed"
