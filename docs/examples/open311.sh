#!/usr/bin/env bash
# Open311 GeoReport v2 on Juare, as commands (docs/adr/0033). Needs curl and jq.
#   JUARE_API  the backend (default http://localhost:8080)
#   TOKEN      a resident's access token (signIn over GraphQL, e.g. docs/examples/first-hour.sh): the api_key
# Every step prints what it got and how long it took.
set -euo pipefail
api="${JUARE_API:-http://localhost:8080}"
token="${TOKEN:?set TOKEN to a resident access token}"
o311="$api/open311/v2"
key="open311-example-$(date +%s%N)"

step_started=0
step() { step_started=$(date +%s%N); printf '\n== %s\n' "$1"; }
took() { printf '   (%d ms)\n' $(( ($(date +%s%N) - step_started) / 1000000 )); }
fail() { printf 'FAILED: %s\n' "$1" >&2; exit 1; }

step "1. Discovery"
curl -sS "$o311/discovery.json" | jq -c '.endpoints[0] | {url, formats}'
took

step "2. Services (the categories), in English"
services="$(curl -sS -H 'Accept-Language: en' "$o311/services.json")"
echo "$services" | jq -c '.[:2]'
took

step "3. POST a request: api_key = the access token, Idempotency-Key for safe retries"
post() {
  curl -sS -w '\n%{http_code}' -X POST "$o311/requests.json" -H "Idempotency-Key: $key" \
    --data-urlencode "api_key=$token" --data-urlencode service_code=JALAN \
    --data-urlencode lat=-6.035 --data-urlencode long=106.04035 \
    --data-urlencode 'address_string=Jl. Ciwedus No. 1' \
    --data-urlencode "description=$1"
}
created="$(post 'Lubang besar di depan sekolah, berbahaya untuk motor.')"
echo "$created"
[ "$(echo "$created" | tail -1)" = 200 ] || fail "POST: $created"
id="$(echo "$created" | head -1 | jq -r '.[0].service_request_id')"
took

step "4. The same POST again (a retry after a lost answer): the same service_request_id"
again="$(post 'Lubang besar di depan sekolah, berbahaya untuk motor.' | head -1 | jq -r '.[0].service_request_id')"
[ "$again" = "$id" ] || fail "retry gave $again, not $id"
echo "$again"
took

step "5. The same key with another body: 409 IDEMPOTENCY_KEY_REUSED"
reused="$(post 'Lampu jalan mati sejak seminggu, gelap sekali.')"
echo "$reused"
[ "$(echo "$reused" | tail -1)" = 409 ] || fail "reused key: $reused"
took

step "6. GET the request, JSON then XML (the token as a bearer header works too)"
curl -sS "$o311/requests/$id.json?api_key=$token" | jq -c '.[0] | {service_request_id, status, service_name, requested_datetime, lat, long}'
curl -sS -H "Authorization: Bearer $token" "$o311/requests/$id.xml" | head -c 300; echo
took

step "7. GET requests: mine, open, of this service, in the last 90 days (the default window)"
curl -sS "$o311/requests.json?api_key=$token&status=open&service_code=JALAN" | jq -c '[.[] | .service_request_id] | length'
took

step "8. Without a token: 403 in the spec's error shape"
curl -sS -w ' %{http_code}\n' "$o311/requests.json"
took
printf '\nDone: service request %s\n' "$id"
