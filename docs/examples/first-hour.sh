#!/usr/bin/env bash
# A mobile developer's first hour with Juare's API, as commands (docs/app-developers.md walks through them).
# Needs curl and jq. Against the demo: start ./run.sh, then run this and type the sign-in code from data/backend.log.
#   JUARE_API   the backend (default http://localhost:8080)
#   NIK, PHONE  the resident to sign in as (default: a new random one)
#   LANG_PREF   Accept-Language for the messages (default id; en for English)
# The sign-in code is read from standard input. Every step prints what it got and how long it took.
set -euo pipefail
api="${JUARE_API:-http://localhost:8080}"
lang="${LANG_PREF:-id}"
here="$(cd "$(dirname "$0")" && pwd)"
nik="${NIK:-3672$(printf '%02d%02d%02d%02d%04d' $((RANDOM % 8 + 1)) $((RANDOM % 28 + 1)) $((RANDOM % 12 + 1)) $((RANDOM % 100)) $((RANDOM % 9999 + 1)))}"
phone="${PHONE:-0812$(printf '%08d' $(( (RANDOM * 32768 + RANDOM) % 100000000 )))}"

step_started=0
step() { step_started=$(date +%s%N); printf '\n== %s\n' "$1"; }
took() { printf '   (%d ms)\n' $(( ($(date +%s%N) - step_started) / 1000000 )); }
fail() { printf 'FAILED: %s\n' "$1" >&2; exit 1; }

# One GraphQL request over HTTP: gql QUERY VARIABLES_JSON [TOKEN]
gql() {
  local body
  body="$(jq -nc --arg q "$1" --argjson v "$2" '{query: $q, variables: $v}')"
  curl -sS -X POST "$api/graphql" -H 'Content-Type: application/json' -H "Accept-Language: $lang" \
    ${3:+-H "Authorization: Bearer $3"} --data "$body"
}

step "1. Public data needs no token: the categories"
categories="$(gql '{ categories { id code nameId } }' '{}')"
echo "$categories" | jq -c '.data.categories[:3]'
category="$(echo "$categories" | jq -r '.data.categories[0].code')"
[ "$category" != null ] || fail "no categories: $categories"
took

step "2. Sign in, part 1: requestOtp sends a code on WhatsApp"
otp="$(gql 'mutation($input: RequestOtpInput!) { requestOtp(input: $input) { challenge { id maskedPhone expiresAt } errors { code message field } } }' \
  "$(jq -nc --arg nik "$nik" --arg phone "$phone" '{input: {nik: $nik, phone: $phone}}')")"
echo "$otp" | jq -c '.data.requestOtp'
challenge="$(echo "$otp" | jq -r '.data.requestOtp.challenge.id')"
[ "$challenge" != null ] || fail "requestOtp: $otp"
took

printf 'The code sent to %s (the demo writes it to data/backend.log): ' "$(echo "$otp" | jq -r '.data.requestOtp.challenge.maskedPhone')" >&2
read -r code

step "3. Sign in, part 2: verifyOtp answers the session (the name is needed the first time)"
session="$(gql 'mutation($input: VerifyOtpInput!) { verifyOtp(input: $input) { session { accessToken accessTokenExpiresAt refreshToken } resident { id name } errors { code message field } } }' \
  "$(jq -nc --arg c "$challenge" --arg code "$code" '{input: {challengeId: $c, code: $code, name: "Warga Contoh"}}')")"
token="$(echo "$session" | jq -r '.data.verifyOtp.session.accessToken')"
refresh="$(echo "$session" | jq -r '.data.verifyOtp.session.refreshToken')"
[ "$token" != null ] || fail "verifyOtp: $session"
echo "$session" | jq -c '.data.verifyOtp | {resident, expires: .session.accessTokenExpiresAt}'
took

step "4. Upload a photo: POST /api/photos, multipart part \"file\", the bearer token"
photo="$(curl -sS -X POST "$api/api/photos" -H "Authorization: Bearer $token" -H "Accept-Language: $lang" \
  -F "file=@$here/pothole.jpg;type=image/jpeg")"
photo_id="$(echo "$photo" | jq -r '.id')"
[ "$photo_id" != null ] || fail "upload: $photo"
echo "$photo" | jq -c '{id, width, height}'
took

step "5. Submit the complaint; a retry with the same clientRequestId returns the same complaint"
request_id="$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)"
submit='mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { complaint { id trackingNumber status } errors { code message field } } }'
input="$(jq -nc --arg r "$request_id" --arg c "$category" --arg p "$photo_id" \
  '{input: {clientRequestId: $r, categoryCode: $c, title: "Jalan berlubang", description: "Lubang besar di depan sekolah, berbahaya untuk motor di malam hari.", location: {lat: -6.035, lng: 106.04035}, photoIds: [$p]}}')"
first="$(gql "$submit" "$input" "$token")"
again="$(gql "$submit" "$input" "$token")"
complaint_id="$(echo "$first" | jq -r '.data.submitComplaint.complaint.id')"
[ "$complaint_id" != null ] || fail "submit: $first"
[ "$(echo "$again" | jq -r '.data.submitComplaint.complaint.id')" = "$complaint_id" ] || fail "the retry made another complaint: $again"
echo "$first" | jq -c '.data.submitComplaint.complaint'
took

step "6. The same clientRequestId with another complaint is refused"
other="$(echo "$input" | jq -c '.input.description = "Another complaint entirely, with different words in it."')"
reused="$(gql "$submit" "$other" "$token")"
echo "$reused" | jq -c '.data.submitComplaint.errors'
[ "$(echo "$reused" | jq -r '.data.submitComplaint.errors[0].code')" = IDEMPOTENCY_KEY_REUSED ] || fail "reuse: $reused"
took

step "7. My complaints, a page at a time (Relay connection)"
mine="$(gql 'query($after: String) { myComplaints(first: 5, after: $after) { edges { node { id trackingNumber status category { id code } photos { id url thumbnailUrl } } } pageInfo { hasNextPage endCursor } } }' '{}' "$token")"
echo "$mine" | jq -c '.data.myComplaints.edges[0].node | {trackingNumber, status, category}'
[ "$(echo "$mine" | jq -r '.data.myComplaints.edges[0].node.id')" = "$complaint_id" ] || fail "myComplaints: $mine"
took

step "7b. The photo as an image loader fetches it: the signed thumbnailUrl, no Authorization header"
thumb="$(echo "$mine" | jq -r '.data.myComplaints.edges[0].node.photos[0].thumbnailUrl')"
answer="$(curl -sS -o /dev/null -w '%{http_code} %{content_type}' "$thumb")"
echo "   ${thumb%%\?*}?exp=…&sig=… → $answer"
[ "$answer" = "200 image/jpeg" ] || fail "signed photo URL: $answer"
took

step "8. A typed error in the caller's language: an unknown category"
bad="$(echo "$input" | jq -c --arg r "$(cat /proc/sys/kernel/random/uuid 2>/dev/null || uuidgen)" '.input.clientRequestId = $r | .input.categoryCode = "NO_SUCH"')"
refused="$(gql "$submit" "$bad" "$token")"
echo "$refused" | jq -c '.data.submitComplaint.errors[0]'
[ "$(echo "$refused" | jq -r '.data.submitComplaint.errors[0].code')" = UNKNOWN_CATEGORY ] || fail "category: $refused"
took

step "9. Refresh the session, whatever stale token the app still attaches (the old refresh token stops working)"
# An access token that no longer verifies, as an app's auth link may still send: one character changed inside the
# signature (not its last, whose low bits are padding a decoder may ignore, nor to the same character).
at=$(( ${#token} - 10 )); was="${token:$at:1}"; [ "$was" = A ] && now=B || now=A
stale="${token:0:$at}$now${token:$((at + 1))}"
renewed="$(gql 'mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { session { accessToken refreshToken } errors { code message } } }' \
  "$(jq -nc --arg t "$refresh" '{input: {refreshToken: $t}}')" "$stale")"
token="$(echo "$renewed" | jq -r '.data.refreshSession.session.accessToken')"
[ "$token" != null ] || fail "refresh: $renewed"
echo "   new access token: ${token:0:12}…"
took

step "10. A stale token: public data still answers; what needs a caller says why (refresh on TOKEN_EXPIRED)"
public="$(gql '{ categories { id } }' '{}' "$stale")"
[ "$(echo "$public" | jq -r '.data.categories | length > 0')" = true ] || fail "public with a stale token: $public"
who="$(gql '{ me { name } }' '{}' "$stale")"
echo "$who" | jq -c '.errors[0] | {message, code: .extensions.code, reason: .extensions.reason}'
[ "$(echo "$who" | jq -r '.errors[0].extensions.code')" = UNAUTHENTICATED ] || fail "me with a stale token: $who"
[ "$(gql '{ me { name } }' '{}' "$token" | jq -r '.data.me.name')" = "Warga Contoh" ] || fail "me with the new token"
took

printf '\nDone: complaint %s filed as %s.\n' "$(echo "$first" | jq -r '.data.submitComplaint.complaint.trackingNumber')" "$complaint_id"
