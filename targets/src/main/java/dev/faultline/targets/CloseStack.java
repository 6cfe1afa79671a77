package dev.faultline.targets;

import java.util.ArrayDeque;
import java.util.Deque;

/** Things started, closed in reverse order; every close is attempted even when an earlier one fails. */
final class CloseStack {
    private final Deque<AutoCloseable> stack = new ArrayDeque<>();

    synchronized <T extends AutoCloseable> T push(T closeable) {
        stack.push(closeable);
        return closeable;
    }

    synchronized void closeAll() {
        RuntimeException first = null;
        while (!stack.isEmpty()) {
            try {
                stack.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping the target failed: " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
