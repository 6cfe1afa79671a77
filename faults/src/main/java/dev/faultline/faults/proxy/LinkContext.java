package dev.faultline.faults.proxy;

import io.netty.channel.EventLoop;

/** What a toxic stage may do to the connection it runs on. */
interface LinkContext {

    EventLoop eventLoop();

    boolean isClosed();

    /** Closes both sockets of the connection with a FIN. */
    void closeConnection();

    /** Closes both sockets with SO_LINGER 0, so the peers see a TCP RST. */
    void resetConnection();

    /** Stops or resumes reading this link's source socket, so a stage can bound what it holds. */
    default void sourceReading(boolean on) {
    }
}
