package org.kljn.ngspice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child-JVM stress for ngspice initialisation: several threads load fresh library instances at once while
 * other threads allocate, force garbage collections (safepoints: every running compiled thread takes a
 * SIGSEGV on its polling page) and take implicit null checks (SIGSEGV in compiled code). Exits 0 only if the
 * JVM's SIGSEGV handler is still installed, unchanged, at the end and nothing crashed.
 *
 * <p>Arguments: instances per init thread, init threads.
 */
public final class InitStressMain {
    private InitStressMain() {
    }

    static volatile Object sink;
    static volatile int[] maybeNull;

    public static void main(String[] args) throws Exception {
        int perThread = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int initThreads = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        LibC.Disposition jvmSegv = LibC.disposition(11);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong npes = new AtomicLong();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread t = new Thread(() -> {
                long k = 0;
                while (!stop.get()) {
                    // allocation pressure and compiled loops with safepoint polls
                    sink = new long[1 + (int) (k++ % 4096)];
                    maybeNull = (k & 1) == 0 ? null : new int[1];
                    try {
                        sink = maybeNull.length; // implicit null check in compiled code
                    } catch (NullPointerException e) {
                        npes.incrementAndGet();
                    }
                }
            }, "mutator-" + i);
            t.setDaemon(true);
            load.add(t);
        }
        Thread gc = new Thread(() -> {
            while (!stop.get()) {
                System.gc(); // a safepoint: every compiled mutator traps on its polling page
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc");
        gc.setDaemon(true);
        load.add(gc);
        // watches the process-wide SIGSEGV disposition during the inits: any other handler is the window open
        AtomicLong foreignHandlerSeen = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (!stop.get()) {
                if (!LibC.disposition(11).equals(jvmSegv)) {
                    foreignHandlerSeen.incrementAndGet();
                }
            }
        }, "watcher");
        watcher.setDaemon(true);
        load.add(watcher);
        load.forEach(Thread::start);

        List<Thread> inits = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < initThreads; i++) {
            Thread t = new Thread(() -> {
                try {
                    for (int n = 0; n < perThread; n++) {
                        NgSpiceInstance.fresh(CallbackPath.preferred());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "init-" + i);
            inits.add(t);
            t.start();
        }
        for (Thread t : inits) {
            t.join();
        }
        // after every init: the JVM's own handler must handle a fresh burst of implicit null checks
        long before = npes.get();
        Thread.sleep(200);
        stop.set(true);
        for (Thread t : load) {
            t.join();
        }
        LibC.Disposition after = LibC.disposition(11);
        System.out.println("foreign SIGSEGV handler seen " + foreignHandlerSeen.get() + " times; instances " + perThread * initThreads + ", NPEs " + npes.get() + " (" + (npes.get() - before)
                + " after the inits), SIGSEGV handler before " + Long.toHexString(jvmSegv.handler()) + "/"
                + Integer.toHexString(jvmSegv.flags()) + " after " + Long.toHexString(after.handler()) + "/"
                + Integer.toHexString(after.flags()));
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
            System.exit(3);
        }
        System.exit(after.equals(jvmSegv) && foreignHandlerSeen.get() == 0 ? 0 : 2);
    }
}
