package dev.faultline.cluster.store.replication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.cluster.http.HttpResponses;
import dev.faultline.cluster.http.NettyServer;
import dev.faultline.cluster.http.ServerThreads;
import dev.faultline.cluster.http.Transport;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeerTransportIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] NO_BODY = new byte[0];

    private final EventLoopGroup serverLoops = new MultiThreadIoEventLoopGroup(2, Transport.CURRENT.ioHandlers());
    private final NettyServer peer = NettyServer.start("peer", "127.0.0.1", 0, ServerThreads.SMALL,
            new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1024),
                            new SimpleChannelInboundHandler<FullHttpRequest>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
                                    HttpResponses.send(ctx, request, HttpResponses.empty(HttpResponseStatus.NO_CONTENT));
                                }
                            });
                }
            });
    private final PeerTransport transport = new PeerTransport(Map.of("p", peer.address()), TIMEOUT);

    @AfterEach
    void stop() {
        transport.close();
        peer.close();
        serverLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aCallMadeOnOneOfTheServerLoopsIsSentAndAnsweredOnThatLoop() throws Exception {
        transport.runOn(serverLoops);
        for (int i = 0; i < 4; i++) {
            EventLoop loop = serverLoops.next();
            Thread loopThread = loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

            // the callback is attached on the loop, before the loop can read the answer
            CompletableFuture<Thread> answeredOn = loop.submit(() -> transport.call("p", HttpMethod.POST, "/x", NO_BODY, TIMEOUT)
                    .thenApply(answer -> Thread.currentThread())).get(10, TimeUnit.SECONDS);

            assertThat(answeredOn.get(10, TimeUnit.SECONDS)).isSameAs(loopThread);
        }
    }

    @Test
    void aCallMadeBeforeTheLoopsAreKnownIsSentOnceTheyAre() throws Exception {
        CompletableFuture<PeerTransport.Answer> early = transport.call("p", HttpMethod.POST, "/x", NO_BODY, TIMEOUT);
        assertThat(early).isNotDone();

        transport.runOn(serverLoops);

        assertThat(early.get(10, TimeUnit.SECONDS).status()).isEqualTo(204);
    }

    @Test
    void closingBeforeTheLoopsAreKnownFailsTheWaitingCalls() {
        CompletableFuture<PeerTransport.Answer> early = transport.call("p", HttpMethod.POST, "/x", NO_BODY, TIMEOUT);

        transport.close();

        assertThat(early).isCompletedExceptionally();
    }
}
