package dev.faultline.faults.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The toxic pipeline of one direction of one connection: input, the toxics in creation order,
 * output. Toxics are added, replaced and removed while data flows; a removed toxic hands its held
 * data on first, so bytes are never dropped or reordered. Confined to the connection's event loop.
 */
final class ToxicLink {

    private record Slot(String name, ToxicStage stage) {
    }

    /** The connection as seen from one link: it also knows which socket this link reads. */
    private record SideContext(LinkContext connection, Channel source) implements LinkContext {
        @Override
        public EventLoop eventLoop() {
            return connection.eventLoop();
        }

        @Override
        public boolean isClosed() {
            return connection.isClosed();
        }

        @Override
        public void closeConnection() {
            connection.closeConnection();
        }

        @Override
        public void resetConnection() {
            connection.resetConnection();
        }

        @Override
        public void sourceReading(boolean on) {
            source.config().setAutoRead(on);
        }
    }

    private final LinkContext context;
    private final ToxicStage input = new NoopToxic();
    private final ToxicStage output;
    private final List<Slot> slots = new ArrayList<>();

    ToxicLink(LinkContext connection, Channel source, ToxicStage output) {
        this.context = new SideContext(connection, source);
        this.output = output;
        output.attach(context, null);
        input.attach(context, output);
    }

    void write(ByteBuf chunk) {
        input.onChunk(chunk);
    }

    void end() {
        input.onEnd();
    }

    void add(ToxicSpec spec) {
        ToxicStage stage = newStage(spec);
        stage.attach(context, output);
        previous(slots.size()).relink(stage);
        slots.add(new Slot(spec.name(), stage));
        stage.start();
    }

    void update(ToxicSpec spec) {
        int index = indexOf(spec.name());
        if (index < 0) {
            return;
        }
        ToxicStage old = slots.get(index).stage();
        ToxicStage fresh = newStage(spec);
        fresh.attach(context, old.next());
        previous(index).relink(fresh);
        slots.set(index, new Slot(spec.name(), fresh));
        fresh.inheritFrom(old);
        old.flush();
        fresh.start();
    }

    void remove(String name) {
        int index = indexOf(name);
        if (index < 0) {
            return;
        }
        ToxicStage old = slots.remove(index).stage();
        previous(index).relink(old.next());
        old.flush();
        old.onRemoved();
    }

    void discard() {
        slots.forEach(slot -> slot.stage().discard());
    }

    private ToxicStage previous(int index) {
        return index == 0 ? input : slots.get(index - 1).stage();
    }

    private int indexOf(String name) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Toxicity is drawn once each time a toxic starts on a link: below it the toxic acts, else data passes. */
    private static ToxicStage newStage(ToxicSpec spec) {
        boolean acts = ThreadLocalRandom.current().nextFloat() < spec.toxicity();
        return acts ? ToxicTypes.of(spec.type()).newStage(spec) : new NoopToxic();
    }
}
