package dev.faultline.faults.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One proxy: a TCP listener relaying each accepted client to a fresh upstream socket through the
 * proxy's toxics. Lifecycle calls are serialised by {@link ProxyCollection}; the data path runs on
 * Netty event loops.
 */
final class FaultProxy {

    private final String name;
    private final EventLoopGroup group;
    private final ToxicCollection toxics = new ToxicCollection();
    private final ChannelGroup sockets = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile String listen;
    private volatile String upstream;
    private Channel listener;

    FaultProxy(String name, String listen, String upstream, EventLoopGroup group) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.group = group;
    }

    String name() {
        return name;
    }

    String listen() {
        return listen;
    }

    String upstream() {
        return upstream;
    }

    boolean enabled() {
        return listener != null;
    }

    ToxicCollection toxics() {
        return toxics;
    }

    /** Binds the listener and rewrites {@code listen} to the bound address; a failed bind is a 500. */
    void start() {
        if (listener != null) {
            return;
        }
        HostPort address;
        try {
            address = HostPort.parse(listen);
        } catch (IllegalArgumentException e) {
            throw new ApiException(500, "listen tcp " + listen + ": " + e.getMessage());
        }
        ChannelFuture bound = new ServerBootstrap()
                .group(group, group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        accept(client);
                    }
                })
                .bind(resolve(address))
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new ApiException(500, "listen tcp " + listen + ": " + describe(bound.cause()));
        }
        listener = bound.channel();
        listen = HostPort.format((InetSocketAddress) listener.localAddress());
    }

    /** Closes the listener and every live connection; toxics are kept. */
    void stop() {
        if (listener == null) {
            return;
        }
        listener.close().awaitUninterruptibly();
        listener = null;
        sockets.close().awaitUninterruptibly();
    }

    void setAddresses(String newListen, String newUpstream) {
        this.listen = newListen;
        this.upstream = newUpstream;
    }

    private void accept(SocketChannel client) {
        sockets.add(client);
        AtomicReference<RelayConnection> relay = new AtomicReference<>();
        AtomicReference<Channel> upstreamChannel = new AtomicReference<>();
        client.pipeline().addLast(new RelayHandler(relay::get, upstreamChannel::get));
        HostPort target;
        try {
            target = HostPort.parse(upstream);
        } catch (IllegalArgumentException e) {
            client.close();
            return;
        }
        ChannelFuture dial = new Bootstrap()
                .group(client.eventLoop())
                .channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new RelayHandler(relay::get, () -> client))
                .connect(target.toAddress());
        Channel server = dial.channel();
        upstreamChannel.set(server);
        sockets.add(server);
        client.closeFuture().addListener(f -> server.close());
        dial.addListener(done -> {
            if (!done.isSuccess() || !client.isActive()) {
                client.close();
                server.close();
                return;
            }
            RelayConnection connection = new RelayConnection(client, server);
            relay.set(connection);
            connection.start(toxics.attach(connection));
            client.closeFuture().addListener(f -> toxics.detach(connection));
            client.config().setAutoRead(true);
            server.config().setAutoRead(true);
        });
    }

    private static InetSocketAddress resolve(HostPort address) {
        return address.host().isEmpty()
                ? new InetSocketAddress(address.port())
                : new InetSocketAddress(address.host(), address.port());
    }

    private static String describe(Throwable cause) {
        String message = cause == null ? null : cause.getMessage();
        return message == null ? String.valueOf(cause) : message;
    }
}
