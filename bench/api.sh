#!/usr/bin/env bash
# Requests per second of submitComplaint and myComplaints against a running backend (./run.sh), with wrk.
#   bench/api.sh [base-url] [backend-log]     defaults: http://localhost:8080  data/backend.log
# Needs wrk, curl and jq (apt-get install wrk curl jq). Signs in one resident through the development WhatsApp
# sender (the code is read from the log), warms up for WARMUP (15s), then runs each operation for DURATION (20s) at
# each of CONNECTIONS (16 64).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
base="${1:-http://localhost:8080}"
log="${2:-$here/../data/backend.log}"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-16 64}"

gql() { curl -s "$base/graphql" -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} -d "$1"; }

nik=$(printf '36720%d%02d03%02d%04d' $((RANDOM % 8 + 1)) $((RANDOM % 28 + 1)) $((RANDOM % 100)) $((RANDOM % 9999 + 1)))
phone=$(printf '0813%08d' $((RANDOM * RANDOM % 100000000)))
challenge=$(gql '{"query":"mutation($i:RequestOtpInput!){requestOtp(input:$i){challenge{id} errors{code}}}","variables":{"i":{"nik":"'$nik'","phone":"'$phone'"}}}' | jq -r .data.requestOtp.challenge.id)
sleep 1
code=$(grep -o 'Kode masuk Juare Anda: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
TOKEN=$(gql '{"query":"mutation($i:VerifyOtpInput!){verifyOtp(input:$i){session{accessToken} errors{code}}}","variables":{"i":{"challengeId":"'$challenge'","code":"'$code'","name":"Bench"}}}' | jq -r .data.verifyOtp.session.accessToken)
[ -n "$TOKEN" ] && [ "$TOKEN" != null ] || { echo "sign-in failed" >&2; exit 1; }
export TOKEN

docs="$here/../graphql/src/main/resources/graphql-documents"
export SUBMIT_QUERY MY_QUERY
SUBMIT_QUERY=$(cat "$docs/SubmitComplaint.graphql" "$docs/fragments/ComplaintFields.graphql" | jq -Rs .)
MY_QUERY=$(cat "$docs/MyComplaints.graphql" "$docs/fragments/ComplaintFields.graphql" | jq -Rs .)

# a first page of complaints to list
for i in $(seq 1 25); do
  gql '{"query":'"$SUBMIT_QUERY"',"variables":{"input":{"clientRequestId":"warm-'$RANDOM$i'","categoryCode":"JALAN","description":"Jalan berlubang besar di depan sekolah","location":{"lat":-6.035,"lng":106.04035}}}}' > /dev/null
done

# warm up the JIT; these numbers are thrown away
wrk -t2 -c16 -d"${WARMUP:-15s}" -s "$here/submit.lua" "$base" > /dev/null
wrk -t2 -c16 -d"${WARMUP:-15s}" -s "$here/my-complaints.lua" "$base" > /dev/null

for c in $connections; do
  echo "== submitComplaint, $c connections, $duration"
  wrk -t2 -c"$c" -d"$duration" --latency -s "$here/submit.lua" "$base" | grep -E "Requests/sec|Latency |50%|99%|failures|requests in"
  echo "== myComplaints(first: 20), $c connections, $duration"
  wrk -t2 -c"$c" -d"$duration" --latency -s "$here/my-complaints.lua" "$base" | grep -E "Requests/sec|Latency |50%|99%|failures|requests in"
done
