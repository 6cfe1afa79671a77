package dev.faultline.cluster.store;

/**
 * Test only: runs one store node in its own JVM from a config JSON given as the only argument, prints
 * {@code READY <port>} once it listens, and runs until killed.
 */
public final class StoreNodeTestMain {
    private StoreNodeTestMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        StoreNode node = StoreNode.start(StoreNodeConfig.fromJson(args[0]));
        System.out.println("READY " + node.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
