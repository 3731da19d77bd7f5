package id.go.cilegon.juare.platform.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;

/**
 * Closes a connection whose request line and headers do not arrive within a deadline: from the connection's
 * opening, and on a kept-alive connection from the first byte of the next request. Netty's idle handlers reset on
 * every byte, so a client trickling a header a byte at a time (slow-loris) would never trip them. Sits after the
 * HTTP decoder: it sees a request only once its headers are complete. A WebSocket upgrade removes it.
 */
final class HeaderDeadline extends ChannelDuplexHandler {

    private final long timeoutNanos;
    private ScheduledFuture<?> deadline;
    private boolean inRequest;

    HeaderDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // the first request is due from the moment the connection opens
        arm(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            cancel();
            inRequest = true;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // bytes of a next request arrived but not yet all its headers: its clock starts now
        if (!inRequest && deadline == null) {
            arm(ctx);
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            // a WebSocket from now on: graphql-ws has its own init timeout and keep-alive pings, so neither this
            // deadline nor the HTTP idle timeout applies (removed once the 101 is out, should Netty have added it)
            cancel();
            ChannelPipeline pipeline = ctx.pipeline();
            pipeline.remove(this);
            if (!promise.isVoid()) {
                promise.addListener(written -> {
                    if (pipeline.get(NettyPipeline.IdleTimeoutHandler) != null) {
                        try {
                            pipeline.remove(NettyPipeline.IdleTimeoutHandler);
                        } catch (java.util.NoSuchElementException alreadyGone) {
                            // removed meanwhile
                        }
                    }
                });
            }
        } else if (msg instanceof LastHttpContent && !(msg instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
            // the final response is complete (a "100 Continue" is not: the body is still to come); the idle
            // timeout watches the connection until the next request begins
            inRequest = false;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void arm(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive() && !ctx.channel().isRegistered()) {
            return;
        }
        deadline = ctx.executor().schedule(() -> {
            deadline = null;
            if (!inRequest) {
                ctx.close();
            }
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
