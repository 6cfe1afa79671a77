package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;

/**
 * One stage of a one-way toxic pipeline (Toxiproxy's ToxicStub). Every method runs on the
 * connection's event loop, so a stage needs no locks. A stage owns each chunk it is given:
 * it forwards it to {@link #forward} or releases it.
 */
abstract class ToxicStage {

    private ToxicStage next;
    private LinkContext context;

    final void attach(LinkContext context, ToxicStage next) {
        this.context = context;
        this.next = next;
    }

    final void relink(ToxicStage next) {
        this.next = next;
    }

    final ToxicStage next() {
        return next;
    }

    protected final LinkContext context() {
        return context;
    }

    /** Called once when the stage joins a live link (at connection setup, on add, on update). */
    void start() {
    }

    /** Called on an update, before {@link #start()}: a stage that keeps state across updates takes it over here. */
    void inheritFrom(ToxicStage replaced) {
    }

    /** A chunk read from the source; forward it or release it. */
    abstract void onChunk(ByteBuf chunk);

    /** The source has closed; pass it on in order behind any data this stage still holds. */
    void onEnd() {
        forwardEnd();
    }

    /** The stage leaves the link (removed or replaced): hand every held chunk on at once, in order. */
    void flush() {
    }

    /** The stage was removed by the API (not replaced); a timeout toxic closes its connection here. */
    void onRemoved() {
    }

    /** The connection is gone: release held chunks and stop timers. */
    void discard() {
    }

    protected final void forward(ByteBuf chunk) {
        if (context.isClosed()) {
            chunk.release();
        } else {
            next.onChunk(chunk);
        }
    }

    protected final void forwardEnd() {
        if (!context.isClosed()) {
            next.onEnd();
        }
    }
}
