#!/usr/bin/env bash
# Persisted queries by hand (docs/app-developers.md, "Persisted queries"; docs/adr/0029): Apollo's automatic
# persisted queries (a miss, the document sent once with its hash, then the hash alone) over POST and GET, a text
# that is not its hash, and one of the dashboard's documents by documentId. Needs curl, jq and sha256sum.
#   JUARE_API   the backend (default http://localhost:8080), in mode any (juare.graphql.documents.mode)
set -euo pipefail
api="${JUARE_API:-http://localhost:8080}"
here="$(cd "$(dirname "$0")" && pwd)"
fail() { printf 'FAILED: %s\n' "$1" >&2; exit 1; }
post() { curl -sS -X POST "$api/graphql" -H 'Content-Type: application/json' --data "$1"; }

# The id is the SHA-256 (hex) of the exact text sent as "query": this run's comment makes it new to the server.
query="query Categories { categories { code nameEn } } # run $(date +%s%N)"
hash="$(printf '%s' "$query" | sha256sum | cut -d' ' -f1)"
extensions="$(jq -nc --arg h "$hash" '{persistedQuery: {version: 1, sha256Hash: $h}}')"
echo "hash: $hash"

printf '\n== 1. The hash alone: the server does not know it yet (HTTP 200)\n'
answer="$(post "$(jq -nc --argjson e "$extensions" '{operationName: "Categories", extensions: $e}')")"
echo "$answer" | jq -c '.errors[0] | {message, code: .extensions.code}'
[ "$(echo "$answer" | jq -r '.errors[0].extensions.code')" = PERSISTED_QUERY_NOT_FOUND ] || fail "expected PERSISTED_QUERY_NOT_FOUND"

printf '\n== 2. The document with its hash: it runs, and the server keeps it\n'
answer="$(post "$(jq -nc --arg q "$query" --argjson e "$extensions" '{query: $q, operationName: "Categories", extensions: $e}')")"
echo "$answer" | jq -c '.data.categories[:2]'
echo "$answer" | jq -e '.data.categories | length > 0' >/dev/null || fail "no categories"

printf '\n== 3. From now on the hash alone, POST\n'
answer="$(post "$(jq -nc --argjson e "$extensions" '{operationName: "Categories", extensions: $e}')")"
echo "$answer" | jq -e '.data.categories | length > 0' >/dev/null || fail "hash only: $answer"
echo "$answer" | jq -c '.data.categories[:2]'

printf '\n== 4. ... or GET (Apollo Kotlin sends hashed queries so; a mutation over GET answers 405)\n'
answer="$(curl -sS -G "$api/graphql" --data-urlencode operationName=Categories --data-urlencode "extensions=$extensions")"
echo "$answer" | jq -e '.data.categories | length > 0' >/dev/null || fail "GET: $answer"
echo "$answer" | jq -c '.data.categories[:2]'

printf '\n== 5. A text that is not its hash is refused, and not kept\n'
answer="$(post "$(jq -nc --arg q "{ opds { code } }" --argjson e "$extensions" '{query: $q, extensions: $e}')")"
echo "$answer" | jq -c '.errors[0] | {code: .extensions.code}'
[ "$(echo "$answer" | jq -r '.errors[0].extensions.code')" = PERSISTED_QUERY_ID_INVALID ] || fail "expected PERSISTED_QUERY_ID_INVALID"

printf '\n== 6. A registered document by documentId (GraphQL over HTTP): the dashboard'"'"'s ReferenceData\n'
document="$here/../../graphql/src/main/resources/graphql-documents/ReferenceData.graphql"
id="sha256:$(sha256sum "$document" | cut -d' ' -f1)"
echo "documentId: $id"
answer="$(post "$(jq -nc --arg id "$id" '{documentId: $id}')")"
echo "$answer" | jq -e '.data.kecamatanList | length > 0' >/dev/null || fail "documentId: $answer"
echo "$answer" | jq -c '{categories: (.data.categories | length), opds: (.data.opds | length), kecamatan: (.data.kecamatanList | length)}'

printf '\nDone: persisted queries\n'
