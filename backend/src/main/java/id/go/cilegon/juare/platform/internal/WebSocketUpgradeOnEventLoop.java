package id.go.cilegon.juare.platform.internal;

import io.netty.channel.EventLoop;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * A WebSocket upgrade runs on its connection's event loop, in a task of its own (docs/adr/0034). Off the event
 * loop, Reactor Netty binds the WebSocket to the channel in a later task, and a frame the client sends on reading
 * the 101 (graphql-ws's connection_init) can reach the finished HTTP exchange first, which drops it: the connection
 * is never acknowledged. Inside the read of the request, the upgrade would come before the request's end is read,
 * and Reactor Netty would leave the HTTP read and request timeouts on the WebSocket. Last of the filters, so that
 * nothing after it hops threads.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class WebSocketUpgradeOnEventLoop implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!"websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(HttpHeaders.UPGRADE))) {
            return chain.filter(exchange);
        }
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
        if (!(nativeRequest instanceof Connection connection)) {
            return chain.filter(exchange);
        }
        EventLoop eventLoop = connection.channel().eventLoop();
        return Mono.empty().subscribeOn(Schedulers.fromExecutor(eventLoop))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
