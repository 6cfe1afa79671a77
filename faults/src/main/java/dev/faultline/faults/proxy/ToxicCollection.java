package dev.faultline.faults.proxy;

import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The toxics of one proxy and the live connections they act on. Every change is applied to every
 * live connection, and a new connection starts with the toxics present when it opens.
 */
final class ToxicCollection {

    private static final long APPLY_WAIT_MS = 2_000;

    private final Map<String, ToxicSpec> toxics = new LinkedHashMap<>();
    private final Set<RelayConnection> live = ConcurrentHashMap.newKeySet();

    /** Registers a connection and returns the toxics it starts with. */
    synchronized List<ToxicSpec> attach(RelayConnection connection) {
        live.add(connection);
        return new ArrayList<>(toxics.values());
    }

    void detach(RelayConnection connection) {
        live.remove(connection);
    }

    /** Upstream toxics first, then downstream, each in creation order, as Toxiproxy lists them. */
    synchronized List<ToxicSpec> list() {
        List<ToxicSpec> ordered = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            toxics.values().stream().filter(t -> t.direction() == direction).forEach(ordered::add);
        }
        return ordered;
    }

    synchronized ToxicSpec get(String name) {
        ToxicSpec spec = toxics.get(name);
        if (spec == null) {
            throw ApiException.toxicNotFound();
        }
        return spec;
    }

    ToxicSpec add(ToxicSpec spec) {
        List<Future<?>> changes;
        synchronized (this) {
            if (toxics.containsKey(spec.name())) {
                throw new ApiException(409, "toxic already exists");
            }
            toxics.put(spec.name(), spec);
            changes = live.stream().<Future<?>>map(connection -> connection.addToxic(spec)).toList();
        }
        applied(changes);
        return spec;
    }

    ToxicSpec update(String name, Map<String, Long> attributes, Float toxicity) {
        ToxicSpec updated;
        List<Future<?>> changes;
        synchronized (this) {
            updated = get(name).merged(attributes, toxicity);
            toxics.put(name, updated);
            changes = live.stream().<Future<?>>map(connection -> connection.updateToxic(updated)).toList();
        }
        applied(changes);
        return updated;
    }

    void remove(String name) {
        List<Future<?>> changes;
        synchronized (this) {
            ToxicSpec removed = get(name);
            toxics.remove(name);
            changes = live.stream().<Future<?>>map(connection -> connection.removeToxic(removed)).toList();
        }
        applied(changes);
    }

    /**
     * Waits until every live connection has applied a change, so that when the API answers, the change is in force on
     * connections already open (Toxiproxy applies it asynchronously). A closed event loop counts as applied. Called
     * without this collection's lock: a connection opening meanwhile takes the lock in {@link #attach} on the very
     * event loop a change may be waiting for. It starts with the new toxics, and was not among those changed.
     */
    private static void applied(List<Future<?>> changes) {
        for (Future<?> change : changes) {
            change.awaitUninterruptibly(APPLY_WAIT_MS);
        }
    }

    void removeAll() {
        List<String> names;
        synchronized (this) {
            names = new ArrayList<>(toxics.keySet());
        }
        for (String name : names) {
            try {
                remove(name);
            } catch (ApiException gone) {
                // removed by another call meanwhile
            }
        }
    }
}
