#!/usr/bin/env bash
# Runs the whole Juare platform from a fresh clone: builds it, starts the backend on an embedded PostgreSQL
# (data in ./data) and then the staff dashboard, and prints the URLs. Ctrl-C stops everything.
# Set JUARE_DB_URL (r2dbc:postgresql://host/db) with JUARE_DB_USER and JUARE_DB_PASSWORD to use your own PostgreSQL.
# Demo accounts and complaints are created on the first start (see README); JUARE_DEMO=false leaves them out.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
. scripts/jdk.sh

port="${PORT:-8080}"
# the dashboard's service account for its live events: the backend creates it, the dashboard signs in with it
if [ -z "${JUARE_DASHBOARD_PASSWORD:-}" ]; then
  # secrets readable by their owner only (the backend tightens the directory at start too)
  mkdir -p data/secrets && chmod 700 data/secrets
  [ -s data/secrets/dashboard-password.txt ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > data/secrets/dashboard-password.txt)
  JUARE_DASHBOARD_PASSWORD="$(cat data/secrets/dashboard-password.txt)"
fi
export JUARE_DASHBOARD_PASSWORD
dashboard_port="${DASHBOARD_PORT:-8081}"
echo "Building Juare (JDK: $JAVA_HOME)..."
./mvnw -q -B -DskipTests install

management_port="${JUARE_MANAGEMENT_PORT:-8180}"
dashboard_management_port="${DASHBOARD_MANAGEMENT_PORT:-8181}"
args=(--server.port="$port" --management.server.port="$management_port" --juare.data-dir="$here/data" --spring.graphql.graphiql.enabled=true --juare.demo.enabled="${JUARE_DEMO:-true}" --juare.demo.bulk-complaints="${JUARE_DEMO_BULK:-0}" --juare.demo.simulate-days="${JUARE_DEMO_SIMULATE_DAYS:-30}")
if [ -n "${JUARE_DB_URL:-}" ]; then
  jdbc="jdbc:${JUARE_DB_URL#r2dbc:}"
  args+=(--spring.r2dbc.url="$JUARE_DB_URL" --spring.r2dbc.username="${JUARE_DB_USER:-}" --spring.r2dbc.password="${JUARE_DB_PASSWORD:-}"
         --spring.flyway.url="$jdbc" --spring.flyway.user="${JUARE_DB_USER:-}" --spring.flyway.password="${JUARE_DB_PASSWORD:-}")
fi

launch=("$JAVA_HOME/bin/java" -Xmx1g -jar backend/target/juare-backend-0.1.0-SNAPSHOT.jar "${args[@]}")
# the embedded PostgreSQL refuses to run as root: give it a user namespace
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1; then
  launch=(unshare -U "${launch[@]}")
fi

mkdir -p data
log="$here/data/backend.log"
"${launch[@]}" > >(tee "$log") 2>&1 &
backend=$!
dashboard=""
stop_all() { kill $dashboard "$backend" 2>/dev/null; wait $dashboard "$backend" 2>/dev/null; }
trap 'stop_all; exit 0' INT TERM
trap 'kill $dashboard "$backend" 2>/dev/null' EXIT

for _ in $(seq 1 180); do
  if grep -q "Started JuareApplication" "$log" 2>/dev/null; then break; fi
  if ! kill -0 "$backend" 2>/dev/null; then echo "The backend stopped; see $log" >&2; exit 1; fi
  sleep 1
done

# the dashboard: a GraphQL client of the backend (no database, so no user namespace needed)
dashboard_log="$here/data/dashboard.log"
"$JAVA_HOME/bin/java" -Xmx512m -jar frontend/target/juare-frontend-0.1.0-SNAPSHOT.jar \
  --server.port="$dashboard_port" --management.server.port="$dashboard_management_port" --juare.backend.url="http://localhost:$port" > "$dashboard_log" 2>&1 &
dashboard=$!
for _ in $(seq 1 120); do
  if grep -q "Started DashboardApplication" "$dashboard_log" 2>/dev/null; then break; fi
  if ! kill -0 "$dashboard" 2>/dev/null; then echo "The dashboard stopped; see $dashboard_log" >&2; exit 1; fi
  sleep 1
done

cat <<MSG

  Juare is running.
    Dashboard (staff):   http://localhost:$dashboard_port   (demo accounts: see README; log: $dashboard_log)
    GraphQL (HTTP):      http://localhost:$port/graphql
    GraphQL (WebSocket): ws://localhost:$port/graphql   (graphql-ws protocol)
    GraphiQL:            http://localhost:$port/graphiql
    Photo upload:        http://localhost:$port/api/photos
    Health and metrics:  http://localhost:$management_port/actuator/health, /actuator/prometheus (dashboard: port $dashboard_management_port)
  Sign-in codes are written to the log (no WhatsApp gateway configured): $log
  Press Ctrl-C to stop.

MSG
wait "$backend" $dashboard
