package fr.subventions.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM: the largest heap in use seen, from the garbage collectors' notifications (the heap just before
 * each collection, which is when it is fullest) and from a sample every 50 ms. {@link #reset()} starts a new window,
 * so that each part of the benchmark gets its own peak; {@link #overall()} keeps the whole run's.
 */
final class HeapMonitor implements AutoCloseable {

    private final AtomicLong window = new AtomicLong();
    private final AtomicLong overall = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    HeapMonitor() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        long before = info.getGcInfo().getMemoryUsageBeforeGc().entrySet().stream()
                                .filter(e -> isHeap(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                        record(before);
                    }
                }, null, null);
            }
        }
        sampler = new Thread(() -> {
            while (running) {
                MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                record(heap.getUsed());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-monitor");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static boolean isHeap(String pool) {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .anyMatch(p -> p.getName().equals(pool) && p.getType() == MemoryType.HEAP);
    }

    private void record(long used) {
        window.accumulateAndGet(used, Math::max);
        overall.accumulateAndGet(used, Math::max);
    }

    /** The peak of the window, in MiB, and a new window. */
    double reset() {
        return window.getAndSet(0) / (1024.0 * 1024.0);
    }

    double overall() {
        return overall.get() / (1024.0 * 1024.0);
    }

    static double maxHeapMiB() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
