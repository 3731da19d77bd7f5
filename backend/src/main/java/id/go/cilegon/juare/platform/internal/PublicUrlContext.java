package id.go.cilegon.juare.platform.internal;

import id.go.cilegon.juare.platform.PublicUrl;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Puts the request's public base ({@link PublicUrl}) into the GraphQL context, for links fields hand out. */
@Component
class PublicUrlContext implements WebGraphQlInterceptor {

    private final PublicUrl publicUrl;

    PublicUrlContext(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        // over WebSocket the URI and headers are the handshake's
        String base = publicUrl.of(request.getUri().toUri(), request.getHeaders(),
                Boolean.TRUE.equals(request.getAttributes().get(PublicUrl.VIA_TRUSTED_PROXY)));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(PublicUrl.contextEntry(base)).build());
        return chain.next(request);
    }
}
