package id.go.cilegon.juare.platform;

import graphql.GraphQLContext;

/** The caller's network address, put into the GraphQL context for rate limits. */
public final class ClientAddress {

    public static final String CONTEXT_KEY = "juare.clientAddress";

    private ClientAddress() {
    }

    public static String from(GraphQLContext context) {
        String address = context.get(CONTEXT_KEY);
        return address == null ? "unknown" : address;
    }
}
