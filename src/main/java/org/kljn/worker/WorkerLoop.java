package org.kljn.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

/**
 * The child side of {@link WorkerProcess}: answers request lines from stdin with reply lines on stdout until
 * stdin ends. End of stdin means the parent closed it or died (the kernel closes the pipe even after
 * {@code kill -9}): the child then halts at once, even in the middle of a computation, so that no orphan keeps
 * computing.
 */
public final class WorkerLoop {
    private WorkerLoop() {
    }

    /**
     * Serves requests with {@code handler} (one line in, one line out; an exception becomes the reply
     * {@code {"error": "..."}}). Never returns.
     */
    public static void serve(UnaryOperator<String> handler) {
        serve(() -> { }, handler);
    }

    /**
     * As {@link #serve(UnaryOperator)}, after {@code warmUp} (loading ngspice, say): the parent starts a request's
     * time limit only once the worker says it is ready, so a slow start on a loaded machine is not counted.
     */
    public static void serve(Runnable warmUp, UnaryOperator<String> handler) {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing else may write on the reply channel
        LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
        Thread watcher = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    requests.add(l);
                }
            } catch (IOException e) {
                // treated as end of input
            }
            // the parent is gone or done: stop now, whatever is running
            Runtime.getRuntime().halt(0);
        }, "kljn-worker-stdin");
        watcher.setDaemon(true);
        watcher.start();
        try {
            warmUp.run();
        } catch (RuntimeException | Error e) {
            // the first request reports it again
        }
        protocol.println(WorkerProcess.READY);
        while (true) {
            String request;
            try {
                request = requests.take();
            } catch (InterruptedException e) {
                Runtime.getRuntime().halt(0);
                return;
            }
            String reply;
            try {
                reply = handler.apply(request);
            } catch (RuntimeException | Error e) {
                reply = "{\"error\":" + jsonString(e.getMessage() == null ? e.toString() : e.getMessage()) + "}";
            }
            protocol.println(WorkerProcess.REPLY + reply.replace('\n', ' '));
        }
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
