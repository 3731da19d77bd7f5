// Real Apollo Client 4 (InMemoryCache with its defaults) against a running backend: for each caller, runs the
// steps in order over HTTP (network-only, so every answer is written to the cache), then reads every step's query
// back from the cache with readQuery. Prints, as JSON, each step's server answer (as it came over the wire) beside
// what the cache gave back (null when readQuery found fields missing), and the cache's entity keys.
// Input on stdin: {"url": "...", "callers": [{"name", "token", "steps": [{"name", "query", "variables"}]}]}.
// Run with node in its npm project (this directory, installed with npm ci by NormalizedCacheTest).
import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString("utf8"));

const output = { results: [], entities: {} };
for (const caller of input.callers) {
  const answers = [];
  const link = new HttpLink({
    uri: input.url,
    headers: caller.token ? { authorization: `Bearer ${caller.token}` } : {},
    // keep the body as the server sent it, to compare with what the cache gives back
    fetch: async (uri, options) => {
      const response = await fetch(uri, options);
      const text = await response.text();
      answers.push(JSON.parse(text));
      return new Response(text, {
        status: response.status,
        headers: { "content-type": response.headers.get("content-type") ?? "application/json" },
      });
    },
  });
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const done = [];
  for (const step of caller.steps) {
    const query = gql(step.query);
    const before = answers.length;
    await client.query({ query, variables: step.variables, fetchPolicy: "network-only" });
    const answer = answers[before] ?? {};
    done.push({ step, query, server: answer.data ?? null, errors: answer.errors ?? null });
  }
  for (const { step, query, server, errors } of done) {
    const cached = client.readQuery({ query, variables: step.variables });
    output.results.push({ caller: caller.name, name: step.name, server, errors, cached: cached ?? null });
  }
  output.entities[caller.name] = Object.keys(client.extract()).filter((key) => key !== "ROOT_QUERY");
}
process.stdout.write(JSON.stringify(output));
