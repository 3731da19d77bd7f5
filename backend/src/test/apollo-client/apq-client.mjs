// Apollo Client 4's own persisted-query link against the server: node apq-client.mjs <graphql url> <nonce>.
// Prints one JSON line: what each HTTP request carried and what it got back, and the two answers' data.
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { createHash } from "node:crypto";

const [url, nonce] = process.argv.slice(2);
const exchanges = [];
const recordingFetch = async (uri, options) => {
  const sent = JSON.parse(options.body);
  const response = await fetch(uri, options);
  const body = await response.clone().json();
  exchanges.push({
    method: options.method ?? "GET",
    query: typeof sent.query === "string",
    hash: sent.extensions?.persistedQuery?.sha256Hash ?? null,
    status: response.status,
    code: body.errors?.[0]?.extensions?.code ?? null,
    data: body.data != null,
  });
  return response;
};

const link = new PersistedQueryLink({ sha256: (text) => createHash("sha256").update(text).digest("hex") })
  .concat(new HttpLink({ uri: url, fetch: recordingFetch }));
const client = new ApolloClient({ cache: new InMemoryCache(), link });
// the alias makes this run's document (and its hash) new to the server
const query = gql(`query ApolloPersistedCategories { categories { code nameId } run_${nonce}: __typename }`);

const first = await client.query({ query, fetchPolicy: "network-only" });
const second = await client.query({ query, fetchPolicy: "network-only" });
console.log(JSON.stringify({
  exchanges,
  first: first.data.categories.length,
  second: second.data.categories.length,
}));
