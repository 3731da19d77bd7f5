#!/usr/bin/env bash
# Juare side by side with its peers on this machine, one command, no Docker (docs/benchmarks/compare.md):
# PostGraphile 5 serving the same tables of the same PostgreSQL for the reads, pgbench running the statements
# submitComplaint sends for the write; interleaved A/B/B/A round after round; one table of ratios with each round's load.
#
#   bench/compare.sh
#
# Settings (environment, defaults in brackets):
#   N [100000]             complaints seeded (bench/seed.sql), plus BENCH_COMPLAINTS [40] of them for the signed-in resident
#   ROUNDS [3]             rounds; in each, every measure at every connection count, both sides (A/B in odd rounds, B/A in even)
#   DURATION [20s]         one run of wrk or pgbench; WARMUP [60s] per side and measure before round 1 (thrown away)
#   CONNECTIONS ["16 64"]  wrk connections and pgbench clients
#   MEASURES ["my complaint submit"]  myComplaints(first: 20), complaint(id), submitComplaint (no photo)
#   FANOUT [0]             1: afterwards, the backend's FanoutBenchmark at FANOUT_SIZES ["1000 5000 10000"] (bench/fanout.sh)
#   BENCH_DIR              the work directory (database, logs, raw results) [a new /tmp/juare-compare.XXXX]; KEEP=1 keeps it
#   BENCH_PG_PORT [25432] BENCH_JUARE_PORT [28080] BENCH_JUARE_MGMT_PORT [28180] BENCH_PEER_PORT [25678]
#   BENCH_HEAP [768m]      Juare's heap (production: 75 % of a 1 GiB container); BENCH_JAVA_OPTS adds JVM options
#   BENCH_PG_EXTERNAL [0]  1: use the PostgreSQL of the standard PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE instead
#                          of starting one (an empty database the user owns; no statement capture without superuser)
#   REPORT [docs/benchmarks/compare-<UTC date-time>.md]  where the table goes too; REPORT=- : stdout only
#   BUILD [0]              1: build the backend jar first (it warns when the jar is older than the sources)
# Needs: wrk, pgbench, psql, PostgreSQL's server (/usr/lib/postgresql/*/bin), curl, jq, a JDK (scripts/jdk.sh), npm
# (PostGraphile 5.1.5 and Node 22 are installed from bench/peer/package.json into bench/.node on the first run), and
# backend/target/juare-backend-*.jar (built with ./mvnw -B -q -pl graphql,backend package -DskipTests if missing).
# Every process it starts is stopped when it ends, however it ends.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

N=${N:-100000}
BENCH_COMPLAINTS=${BENCH_COMPLAINTS:-40}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-60s}
CONNECTIONS=${CONNECTIONS:-16 64}
MEASURES=${MEASURES:-my complaint submit}
FANOUT=${FANOUT:-0}
pg_port=${BENCH_PG_PORT:-25432}
juare_port=${BENCH_JUARE_PORT:-28080}
mgmt_port=${BENCH_JUARE_MGMT_PORT:-28180}
peer_port=${BENCH_PEER_PORT:-25678}
heap=${BENCH_HEAP:-768m}
external=${BENCH_PG_EXTERNAL:-0}
started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
report=${REPORT:-$root/docs/benchmarks/compare-$(date -u +%Y-%m-%d-%H%M).md}
command_line="N=$N ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP CONNECTIONS=\"$CONNECTIONS\" MEASURES=\"$MEASURES\" FANOUT=$FANOUT bench/compare.sh"

say() { echo "compare: $*" >&2; }
die() { say "$*"; exit 1; }
for tool in wrk pgbench psql curl jq npm; do command -v "$tool" > /dev/null || die "needs $tool (apt-get install wrk postgresql-client curl jq npm)"; done

dir=${BENCH_DIR:-$(mktemp -d /tmp/juare-compare.XXXXXX)}
mkdir -p "$dir"
# never another run's directory: its database and processes are not this run's to stop
[ -z "$(ls -A "$dir")" ] || { echo "compare: $dir is not empty (another run's?): give an empty or new BENCH_DIR" >&2; exit 1; }
dir="$(cd "$dir" && pwd)"
say "work directory $dir"

# ---------- stopping everything, however the script ends ----------
pids=()
pg_bin=
pg_started=0
as_pg() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }   # PostgreSQL refuses to run as root
stop_pid() { # pid: TERM, then KILL after 30 s
  local pid=$1
  kill -0 "$pid" 2> /dev/null || return 0
  kill -TERM "$pid" 2> /dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2> /dev/null || return 0; sleep 0.5; done
  kill -KILL "$pid" 2> /dev/null || true
}
cleanup() {
  local rc=$?
  set +e
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  if [ "$pg_started" = 1 ] && [ -f "$dir/pg/postmaster.pid" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$dir/pg" -m fast -w -t 60 stop > /dev/null 2>&1
  fi
  if [ "${KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then say "kept $dir (logs, raw results)"; else rm -rf "$dir"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------- what it needs ----------
jar=$(ls backend/target/juare-backend-*.jar 2> /dev/null | grep -v original | head -1 || true)
. scripts/jdk.sh > /dev/null
if [ -n "$jar" ] && [ -n "$(find backend/src/main graphql/src/main -newer "$jar" -type f -print -quit)" ]; then
  [ "${BUILD:-0}" = 1 ] && jar= || say "warning: $jar is older than the sources: BUILD=1 rebuilds it first"
fi
if [ -z "$jar" ] || [ "${BUILD:-0}" = 1 ]; then
  say "building the backend jar"
  ./mvnw -B -q -pl graphql,backend package -DskipTests > "$dir/build.log" 2>&1 || { tail -30 "$dir/build.log" >&2; die "build failed"; }
  jar=$(ls backend/target/juare-backend-*.jar | grep -v original | head -1)
fi
node_dir="$here/.node"
if [ ! -x "$node_dir/node_modules/.bin/postgraphile" ] || [ ! -x "$node_dir/node_modules/.bin/node" ] \
    || ! cmp -s "$here/peer/package.json" "$node_dir/package.json"; then
  say "installing PostGraphile and Node 22 into bench/.node (once)"
  mkdir -p "$node_dir"
  cp "$here/peer/package.json" "$here/peer/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund > "$dir/npm.log" 2>&1) || { tail -20 "$dir/npm.log" >&2; die "npm ci failed"; }
fi
node_path="$node_dir/node_modules/.bin"

# ---------- PostgreSQL ----------
if [ "$external" = 1 ]; then
  : "${PGHOST:?BENCH_PG_EXTERNAL=1 needs PGHOST}" "${PGPORT:?needs PGPORT}" "${PGUSER:?needs PGUSER}" "${PGDATABASE:?needs PGDATABASE}"
  export PGPASSWORD=${PGPASSWORD:-}
  say "using PostgreSQL $PGUSER@$PGHOST:$PGPORT/$PGDATABASE"
else
  for b in /usr/lib/postgresql/*/bin; do [ -x "$b/pg_ctl" ] && pg_bin=$b; done
  [ -n "$pg_bin" ] || die "no PostgreSQL server in /usr/lib/postgresql/*/bin (apt-get install postgresql)"
  export PGHOST=127.0.0.1 PGPORT=$pg_port PGUSER=juare PGDATABASE=juare PGPASSWORD
  PGPASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  echo "$PGPASSWORD" > "$dir/pg-password"
  mkdir -p "$dir/pg"
  as_pg "$pg_bin/initdb" -D "$dir/pg" -U juare --auth=scram-sha-256 --pwfile="$dir/pg-password" -E UTF8 --locale=C.UTF-8 \
    > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  # production's settings (docker/postgres/postgresql.conf: durable, 512MB shared buffers …), on loopback, with
  # room for Juare's pool, PostGraphile's and 64 pgbench clients; statements logged only while capturing one submit
  grep -v -E '^\s*(listen_addresses|max_connections|log_line_prefix)' docker/postgres/postgresql.conf > "$dir/pg/production.conf"
  cat >> "$dir/pg/postgresql.conf" <<EOF
include 'production.conf'
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$dir'
max_connections = 200
log_line_prefix = '%m [%p] '
EOF
  pg_started=1
  as_pg "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/postgres.log" -w -t 120 start > /dev/null || { tail -20 "$dir/postgres.log" >&2; die "PostgreSQL did not start"; }
  psql -X -q -d postgres -c "CREATE DATABASE juare" > /dev/null
  say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
fi
pg_url="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"
q() { psql -X -v ON_ERROR_STOP=1 -qtAc "$1"; }

# ---------- Juare ----------
jwt_secret=$(head -c 48 /dev/urandom | base64 -w0)
data_secret=$(head -c 48 /dev/urandom | base64 -w0)
juare_pid=
start_juare() {
  mkdir -p "$dir/juare-data"
  # as scripts/cluster starts a replica (docker/compose.yaml's settings), with production's JVM options; access tokens
  # live 12 h so that one sign-in lasts the run (verifying a token costs the same whatever its lifetime)
  env SPRING_R2DBC_URL="r2dbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" SPRING_R2DBC_USERNAME="$PGUSER" SPRING_R2DBC_PASSWORD="$PGPASSWORD" \
      SPRING_FLYWAY_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE" SPRING_FLYWAY_USER="$PGUSER" SPRING_FLYWAY_PASSWORD="$PGPASSWORD" \
      JUARE_SECRETS_JWT="$jwt_secret" JUARE_SECRETS_PERSONALDATA="$data_secret" JUARE_STAFF_ADMINPASSWORD="bench-$jwt_secret" \
      JUARE_DEMO_ENABLED=false JUARE_DATA_DIR="$dir/juare-data" JUARE_AUTH_ACCESSTOKENTTL=12h \
      PORT="$juare_port" JUARE_MANAGEMENT_PORT="$mgmt_port" SERVER_ADDRESS=127.0.0.1 MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
      setsid "$JAVA_HOME/bin/java" "-Xmx$heap" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError ${BENCH_JAVA_OPTS:-} -jar "$jar" \
      >> "$dir/juare.log" 2>&1 < /dev/null &
  juare_pid=$!
  pids+=("$juare_pid")
  local end=$((SECONDS + 300))
  until curl -fsS -m 5 "http://127.0.0.1:$mgmt_port/actuator/health/readiness" > /dev/null 2>&1; do
    kill -0 "$juare_pid" 2> /dev/null || { tail -30 "$dir/juare.log" >&2; die "Juare exited (log: $dir/juare.log)"; }
    [ $SECONDS -lt $end ] || die "Juare not ready within 300 s (log: $dir/juare.log)"
    sleep 1
  done
}
stop_juare() { stop_pid "$juare_pid"; }
juare="http://127.0.0.1:$juare_port"
gql() { curl -fsS "$juare/graphql" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} -d "$1"; }

say "starting Juare ($jar) once: Flyway makes the schema"
start_juare
# residents signed in as an app signs in (the development WhatsApp sender logs the code): a reader, who gets
# BENCH_COMPLAINTS seeded complaints for myComplaints and complaint(id), and a writer for the submits (so the reader's
# first page stays the same all run)
sign_in() { # name -> signed_token, signed_id
  local nik phone challenge code= signed
  nik=$(printf '367201%02d%02d%02d%04d' $((RANDOM % 28 + 1)) $((RANDOM % 12 + 1)) $((RANDOM % 80 + 10)) $((RANDOM % 9000 + 1000)))
  phone=$(printf '0812%08d' $((RANDOM * RANDOM % 100000000)))
  challenge=$(gql '{"query":"mutation($i:RequestOtpInput!){requestOtp(input:$i){challenge{id} errors{code}}}","variables":{"i":{"nik":"'"$nik"'","phone":"'"$phone"'"}}}' | jq -r .data.requestOtp.challenge.id)
  [ -n "$challenge" ] && [ "$challenge" != null ] || die "requestOtp failed"
  for _ in $(seq 1 20); do
    code=$(grep -o 'Kode masuk Juare Anda: [0-9]*' "$dir/juare.log" | tail -1 | grep -o '[0-9]*$' || true)
    [ -n "$code" ] && [ "$code" != "${last_code:-}" ] && break
    sleep 0.5
  done
  last_code=$code
  signed=$(gql '{"query":"mutation($i:VerifyOtpInput!){verifyOtp(input:$i){session{accessToken} resident{id} errors{code}}}","variables":{"i":{"challengeId":"'"$challenge"'","code":"'"$code"'","name":"'"$1"'"}}}')
  signed_token=$(jq -r .data.verifyOtp.session.accessToken <<< "$signed")
  signed_id=$(jq -r .data.verifyOtp.resident.id <<< "$signed")
  [ -n "$signed_token" ] && [ "$signed_token" != null ] || die "sign-in failed: $signed"
}
sign_in "Warga Pembaca"; reader_token=$signed_token; resident=$signed_id
sign_in "Warga Pelapor"; writer_token=$signed_token; writer=$signed_id
stop_juare

say "seeding $N complaints (bench/seed.sql)"
seed_start=$SECONDS
psql -X -v ON_ERROR_STOP=1 -v n="$N" -v bench_resident="$resident" -v bench_complaints="$BENCH_COMPLAINTS" -f "$here/seed.sql" \
  > "$dir/seed.log" 2>&1 || { tail -30 "$dir/seed.log" >&2; die "seeding failed (log: $dir/seed.log)"; }
seed_seconds=$((SECONDS - seed_start))
say "seeded in ${seed_seconds}s: $(q "select count(*) from complaint") complaints, $(q "select count(*) from complaint_event") events, $(q "select count(*) from resident") residents"
VACUUM_OUT=$(psql -X -qc "VACUUM ANALYZE" 2>&1 || true)

say "starting Juare and PostGraphile on the same database"
start_juare
# PostGraphile 5 with its defaults (the amber preset), the public schema, no auth: the peer as the issue ran it
PATH="$node_path:$PATH" GRAPHILE_ENV=production setsid "$node_path/postgraphile" -P postgraphile/presets/amber -c "$pg_url" -s public -n 127.0.0.1 -p "$peer_port" \
  >> "$dir/postgraphile.log" 2>&1 < /dev/null &
peer_pid=$!
pids+=("$peer_pid")
peer="http://127.0.0.1:$peer_port"
end=$((SECONDS + 120))
until curl -fsS -m 5 "$peer/graphql" -H 'Content-Type: application/json' -d '{"query":"{__typename}"}' > /dev/null 2>&1; do
  kill -0 "$peer_pid" 2> /dev/null || { tail -30 "$dir/postgraphile.log" >&2; die "PostGraphile exited (log: $dir/postgraphile.log)"; }
  [ $SECONDS -lt $end ] || die "PostGraphile not answering within 120 s"
  sleep 1
done
say "PostGraphile $(jq -r .version "$node_dir/node_modules/postgraphile/package.json") (Node $("$node_path/node" --version)) on 127.0.0.1:$peer_port"

# ---------- what each side is asked: the same fields, the same page ----------
docs=graphql/src/main/resources/graphql-documents
complaint_id=$(q "SELECT id FROM complaint WHERE resident_id = '$resident' ORDER BY created_at DESC, id DESC LIMIT 1")
body_juare_my=$(jq -cn --arg q "$(cat "$docs/MyComplaints.graphql" "$docs/fragments/ComplaintFields.graphql")" '{query: $q, variables: {first: 20}}')
body_peer_my=$(jq -cn --arg q "$(cat "$here/peer/my-complaints.graphql")" --arg r "$resident" '{query: $q, variables: {resident: $r, first: 20}}')
body_juare_complaint=$(jq -cn --arg q "$(cat "$here/peer/complaint-juare.graphql" "$docs/fragments/ComplaintFields.graphql")" --arg id "$complaint_id" '{query: $q, variables: {id: $id}}')
body_peer_complaint=$(jq -cn --arg q "$(cat "$here/peer/complaint.graphql")" --arg id "$complaint_id" '{query: $q, variables: {id: $id}}')
SUBMIT_QUERY=$(cat "$docs/SubmitComplaint.graphql" "$docs/fragments/ComplaintFields.graphql" | jq -Rs .)
export SUBMIT_QUERY

post() { curl -fsS "$1/graphql" -H 'Content-Type: application/json' ${2:+-H "Authorization: Bearer $2"} -d "$3"; }
check() { # what url token body jq-path-to-count expected
  local answer n
  answer=$(post "$2" "$3" "$4")
  n=$(jq -r "$5" <<< "$answer")
  [ "$n" = "$6" ] || die "$1: expected $6, got $n: $(head -c 400 <<< "$answer")"
  echo "$1: ok, $(printf %s "$answer" | wc -c) bytes"
}
check "Juare myComplaints" "$juare" "$reader_token" "$body_juare_my" '.data.myComplaints.edges | length' 20 >&2
check "PostGraphile myComplaints" "$peer" "" "$body_peer_my" '.data.allComplaints.edges | length' 20 >&2
check "Juare complaint(id)" "$juare" "$reader_token" "$body_juare_complaint" '.data.complaint.id' "$complaint_id" >&2
check "PostGraphile complaint(id)" "$peer" "" "$body_peer_complaint" '.data.complaintByRowId.rowId' "$complaint_id" >&2

mkdir -p "$dir/raw"
# everything needed to send the same requests by hand while it runs (KEEP=1 keeps it)
cat > "$dir/session.env" <<EOF2
export PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$PGUSER PGDATABASE=$PGDATABASE PGPASSWORD=$PGPASSWORD
JWT_SECRET=$jwt_secret PERSONAL_DATA_SECRET=$data_secret
JUARE=$juare PEER=$peer READER_TOKEN=$reader_token READER=$resident WRITER_TOKEN=$writer_token WRITER=$writer COMPLAINT=$complaint_id
EOF2
submit_once() { # clientRequestId
  TOKEN=$writer_token gql "$(jq -cn --argjson q "$SUBMIT_QUERY" --arg id "$1" \
    '{query: $q, variables: {input: {clientRequestId: $id, categoryCode: "JALAN", description: "Jalan berlubang besar di depan sekolah", location: {lat: -6.035, lng: 106.04035}}}}')"
}
# the statements one submit sends, from PostgreSQL's log (compare with bench/submit-statements.sql, which pgbench runs)
if [ -n "$pg_bin" ]; then
  submit_once "capture-warm-$RANDOM" > /dev/null
  q "ALTER SYSTEM SET log_statement = 'all'" && q "SELECT pg_reload_conf()" > /dev/null && sleep 1
  from=$(($(wc -l < "$dir/postgres.log") + 1))
  submit_once "capture-$RANDOM" > "$dir/raw/submit-answer.json"
  sleep 0.5
  q "ALTER SYSTEM RESET log_statement" && q "SELECT pg_reload_conf()" > /dev/null
  tail -n +"$from" "$dir/postgres.log" | grep -v -E 'pg_reload_conf|ALTER SYSTEM' > "$dir/raw/submit-statements.log" || true
  say "one submit's statements (with any background job's in the same second): $dir/raw/submit-statements.log, $(grep -c -E 'LOG: +(execute|statement)' "$dir/raw/submit-statements.log") logged"
fi

# ---------- CPU per request: far steadier than rps on a shared machine ----------
# A process's CPU time from /proc (user + system, all threads; with its reaped children's when asked), in ms.
clk_tck=$(getconf CLK_TCK)
proc_ms() { # pid [1: with reaped children]
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk -v kids="${2:-0}" -v tck="$clk_tck" '{ sub(/^.*\) /, ""); t = $12 + $13; if (kids) t += $14 + $15; printf "%d", t * 1000 / tck }' "/proc/$1/stat"
}
# PostgreSQL's CPU: the postmaster with its reaped children (connections that ended) plus every live child
pg_ms() {
  [ -n "$pg_bin" ] && [ -f "$dir/pg/postmaster.pid" ] || { echo 0; return; }
  local pm total child
  pm=$(head -1 "$dir/pg/postmaster.pid")
  total=$(proc_ms "$pm" 1)
  for child in $(pgrep -P "$pm"); do total=$((total + $(proc_ms "$child"))); done
  echo "$total"
}
# the JVM's JIT compiler threads' share of proc_ms: while it is high, Juare is still warming up (a loaded machine
# starves the compiler too)
jit_ms() { # pid
  local t total=0
  for t in /proc/"$1"/task/*/stat; do
    total=$((total + $(awk -v tck="$clk_tck" '/\((C1|C2) Compi/ { sub(/^.*\) /, ""); printf "%d", ($12 + $13) * 1000 / tck; next } { print 0 }' "$t" 2> /dev/null || echo 0)))
  done
  echo "$total"
}
server_pid() { case "$1/$2" in juare/*) echo "$juare_pid" ;; peer/submit) echo "" ;; peer/*) echo "$peer_pid" ;; esac; }

# ---------- one run ----------
to_ms() { # wrk's "1.23ms" / "456.00us" / "1.02s" -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; else if (v ~ /m$/) n *= 60000; printf "%.1f", n }'
}
seconds=${DURATION%s}
run_wrk() { # url script connections duration token body expect -> "rps p50 p99 failures requests"
  local out rps p50 p99 failures errors requests
  out=$(BODY="$6" TOKEN="$5" EXPECT="$7" wrk -t2 -c"$3" -d"$4" --timeout 10s --latency -s "$2" "$1" 2>&1) || { echo "$out" >&2; die "wrk failed"; }
  echo "$out" >> "$dir/raw/wrk.log"
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<< "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<< "$out")")
  failures=$(awk '/^failures:/ {print $2}' <<< "$out")
  # timeouts, socket errors and non-2xx answers count as failures too
  errors=$(awk '/Socket errors/ { for (i = 3; i <= NF; i++) n += $i + 0 } /Non-2xx/ { n += $NF } END { print n + 0 }' <<< "$out")
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  echo "$rps $p50 $p99 $((failures + errors)) $requests"
}
run_pgbench() { # clients duration-seconds -> "tps p50 p99 failures transactions"
  local out prefix="$dir/raw/pgbench-$RANDOM" tps failed done
  out=$(pgbench -n -M prepared -f "$here/submit-statements.sql" -D resident="$writer" -c "$1" -j 2 -T "$2" -l --log-prefix="$prefix" 2>&1) \
    || { echo "$out" >&2; die "pgbench failed"; }
  echo "$out" >> "$dir/raw/pgbench.log"
  tps=$(awk '/^tps = / {printf "%.0f", $3}' <<< "$out")
  failed=$(awk '/number of failed transactions/ {print $5}' <<< "$out")
  done=$(awk '/number of transactions actually processed/ {print $NF}' <<< "$out")
  # per-transaction log: the third column is the latency in microseconds
  cat "$prefix".* | awk '{print $3}' | sort -n > "$prefix.sorted"
  awk -v tps="$tps" -v failed="${failed:-0}" -v done="${done:-0}" '{ l[NR] = $1 } END {
        p50 = l[int(NR * 0.50) > 0 ? int(NR * 0.50) : 1]; p99 = l[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1];
        printf "%s %.1f %.1f %s %s\n", tps, p50 / 1000, p99 / 1000, failed, done }' "$prefix.sorted"
  rm -f "$prefix".*
}
run() { # side measure connections duration -> "rps p50 p99 failures requests"
  case "$1/$2" in
    juare/my) run_wrk "$juare" "$here/post.lua" "$3" "$4" "$reader_token" "$body_juare_my" '"edges"' ;;
    peer/my) run_wrk "$peer" "$here/post.lua" "$3" "$4" "" "$body_peer_my" '"edges"' ;;
    juare/complaint) run_wrk "$juare" "$here/post.lua" "$3" "$4" "$reader_token" "$body_juare_complaint" '"trackingNumber"' ;;
    peer/complaint) run_wrk "$peer" "$here/post.lua" "$3" "$4" "" "$body_peer_complaint" '"trackingNumber"' ;;
    juare/submit) run_wrk "$juare" "$here/submit.lua" "$3" "$4" "$writer_token" "" "" ;;
    peer/submit) run_pgbench "$3" "${4%s}" ;;
  esac
}
label() {
  case "$1" in
    my) echo 'myComplaints(first: 20)' ;; complaint) echo 'complaint(id)' ;; submit) echo 'submitComplaint (no photo)' ;;
  esac
}
peer_name() { case "$1" in submit) echo pgbench ;; *) echo PostGraphile ;; esac; }

# ---------- warm-up, then the rounds ----------
first_c=${CONNECTIONS%% *}
for m in $MEASURES; do
  for side in juare peer; do
    say "warm-up: $side $(label "$m"), $first_c connections, $WARMUP"
    run "$side" "$m" "$first_c" "$WARMUP" > /dev/null
  done
done
results="$dir/results.tsv"
printf 'round\tmeasure\tconnections\tside\trps\tp50_ms\tp99_ms\tfailures\tload1\tserver_cpu_ms_per_request\tdb_cpu_ms_per_request\tjit_cpu_ms_per_request\n' > "$results"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="juare peer"; else order="peer juare"; fi
  for m in $MEASURES; do
    for c in $CONNECTIONS; do
      for side in $order; do
        load1=$(cut -d' ' -f1 /proc/loadavg)
        spid=$(server_pid "$side" "$m")
        s0=$( [ -n "$spid" ] && proc_ms "$spid" || echo 0); d0=$(pg_ms); j0=$( [ "$side" = juare ] && jit_ms "$spid" || echo 0)
        read -r rps p50 p99 failures requests <<< "$(run "$side" "$m" "$c" "$DURATION")"
        s1=$( [ -n "$spid" ] && proc_ms "$spid" || echo 0); d1=$(pg_ms); j1=$( [ "$side" = juare ] && jit_ms "$spid" || echo 0)
        scpu=$(awk -v a="$s0" -v b="$s1" -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? (b - a) / n : 0) }')
        dcpu=$(awk -v a="$d0" -v b="$d1" -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? (b - a) / n : 0) }')
        jcpu=$(awk -v a="$j0" -v b="$j1" -v n="$requests" 'BEGIN { printf "%.2f", (n > 0 ? (b - a) / n : 0) }')
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$m" "$c" "$side" "$rps" "$p50" "$p99" "$failures" "$load1" "$scpu" "$dcpu" "$jcpu" >> "$results"
        echo "round $round  $(label "$m")  $c conns  $side: $rps/s  p50 $p50 ms  p99 $p99 ms  failures $failures  load $load1  CPU ms/request: server $scpu (JIT $jcpu), PostgreSQL $dcpu" >&2
      done
    done
  done
done
finished_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# ---------- the table ----------
table=$(awk -F'\t' -v measures="$MEASURES" -v conns="$CONNECTIONS" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ");
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 {
    k = $2 SUBSEP $3; rps[k, $4] = rps[k, $4] " " $5; p99[k, $4] = p99[k, $4] " " $7; fail[k] += $8
    scpu[k, $4] = scpu[k, $4] " " $10; dcpu[k, $4] = dcpu[k, $4] " " $11; jcpu[k, $4] = jcpu[k, $4] " " $12
    loads[$1] = loads[$1] (nl[$1]++ ? "," : "") $9; r[k, $1, $4] = $5; rounds[$1] = 1
  }
  END {
    nm = split(measures, M, " "); nc = split(conns, C, " ");
    for (i = 1; i <= nm; i++) for (j = 1; j <= nc; j++) {
      k = M[i] SUBSEP C[j]; ratios = ""; each = "";
      for (x in rounds) if (r[k, x, "peer"] > 0) { ratio = r[k, x, "juare"] / r[k, x, "peer"]; ratios = ratios " " ratio }
      for (x = 1; (x in rounds); x++) each = each (each == "" ? "" : " ") (r[k, x, "peer"] > 0 ? sprintf("%.2f", r[k, x, "juare"] / r[k, x, "peer"]) : "-");
      printf "%s\t%s\t%.0f\t%.0f\t%.2f\t%s\t%.1f\t%.1f\t%d\t%.2f (JIT %.2f) + %.2f\t%.2f + %.2f\n", M[i], C[j], median(rps[k, "juare"]), median(rps[k, "peer"]),
             median(ratios), each, median(p99[k, "juare"]), median(p99[k, "peer"]), fail[k],
             median(scpu[k, "juare"]), median(jcpu[k, "juare"]), median(dcpu[k, "juare"]), median(scpu[k, "peer"]), median(dcpu[k, "peer"])
    }
    for (x = 1; (x in rounds); x++) printf "load\t%d\t%s\n", x, loads[x]
  }' "$results")
load_range=$(awk -F'\t' 'NR > 1 { if (min == "" || $9 < min) min = $9; if ($9 > max) max = $9 } END { print min "–" max }' "$results")
{
  echo "| measure | connections | Juare /s | peer /s | ratio (median of rounds) | ratio per round | p99 Juare ms | p99 peer ms | failures | CPU ms/request Juare: JVM + PostgreSQL | peer: server + PostgreSQL |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  while IFS=$'\t' read -r m c a b ratio each pa pb f cj cp; do
    [ "$m" = load ] && continue
    echo "| $(label "$m") vs $(peer_name "$m") | $c | $a | $b | **$ratio** | $each | $pa | $pb | $f | $cj | $cp |"
  done <<< "$table"
} > "$dir/table.md"
loads=$(awk -F'\t' '$1 == "load" { printf "round %s: %s; ", $2, $3 }' <<< "$table")

cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
{
  echo "## bench/compare.sh, $started_at – $finished_at"
  echo
  echo '```'
  echo "$command_line"
  echo '```'
  echo
  echo "Machine: $(nproc) cores ($cpu), $(free -g | awk '/^Mem/ {print $2}') GiB; shared with other work: load average $load_range during the runs (1-minute, read before each run; per round, in run order: $loads)."
  echo "Data: $N complaints seeded by bench/seed.sql in ${seed_seconds} s ($(q "select count(*) from complaint_event") events, $(q "select count(*) from resident") residents); the reader has $BENCH_COMPLAINTS."
  echo "Juare: $(basename "$jar"), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), -Xmx$heap -XX:+UseG1GC. Peer: PostGraphile $(jq -r .version "$node_dir/node_modules/postgraphile/package.json") (amber preset, no auth) on Node $("$node_path/node" --version); pgbench $(pgbench --version | awk '{print $3}') with bench/submit-statements.sql. PostgreSQL: $(psql -X -qtAc 'show server_version'), docker/postgres/postgresql.conf's settings."
  echo "Each run: $DURATION, wrk -t2 (pgbench -j 2); warm-up $WARMUP per side and measure; rounds alternate the order (A/B, then B/A)."
  echo
  cat "$dir/table.md"
  echo
  echo "CPU ms/request: the server process's CPU time (all threads; pgbench's own is not counted) and PostgreSQL's (every backend) during the run, divided by the requests it answered: steadier than rps on a shared machine. (JIT …): the part of Juare's that its JIT compiler threads used; while it is large, Juare was still warming up."
  echo
  echo "Every run (round, measure, connections, side, rps, p50 ms, p99 ms, failures, load1, server, PostgreSQL and JIT CPU ms per request):"
  echo
  echo '```'
  cat "$results"
  echo '```'
} > "$dir/report.md"

# ---------- the fan-out, when asked ----------
if [ "$FANOUT" = 1 ]; then
  for pid in "${pids[@]}"; do stop_pid "$pid"; done
  say "fan-out: bench/fanout.sh (the backend's FanoutBenchmark at ${FANOUT_SIZES:-1000 5000 10000} subscribers)"
  FANOUT_OUT="$dir/fanout.txt" "$here/fanout.sh" || say "fan-out failed (see $dir/fanout.txt)"
  {
    echo
    echo "Fan-out (bench/fanout.sh: FanoutBenchmark, its own backend and embedded database, not the data above):"
    echo
    echo '```'
    grep -E '^FANOUT' "$dir/fanout.txt" || echo "(no figures: see the log)"
    echo '```'
  } >> "$dir/report.md"
fi

echo
cat "$dir/report.md"
if [ "$report" != - ]; then
  mkdir -p "$(dirname "$report")"
  cp "$dir/report.md" "$report"
  say "written to $report"
fi
