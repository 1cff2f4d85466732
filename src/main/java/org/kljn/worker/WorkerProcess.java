package org.kljn.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A long-lived child JVM that answers one request line with one reply line ({@link WorkerLoop} is its side).
 * Native code that crashes (ngspice 39.3 segfaults on some netlists) kills only the child: {@link #call} then
 * reports the crash with its reason (the signal from the JVM's error report) and the next call starts a new
 * child. A call with a time limit kills a child that overruns it.
 *
 * <p>Children die with their parent: a child exits as soon as its standard input reaches end of file, which the
 * kernel delivers when the parent ends for any reason (SIGTERM, a crash, {@code kill -9}); a shutdown hook also
 * kills them. Each child has a private folder (its error report, its stderr) that is removed when it ends.
 */
public final class WorkerProcess implements AutoCloseable {
    /** Marks reply lines on the child's stdout (anything else there, such as a JVM crash banner, is noise). */
    static final String REPLY = "\u0001kljn-reply ";
    /** The child's first line: started and warmed up. */
    static final String READY = "\u0001kljn-ready";
    /** How long a child may take to start and warm up. */
    private static final java.time.Duration START_LIMIT = java.time.Duration.ofMinutes(5);
    static final String FOLDER_PREFIX = "kljn-worker-";
    private static final Set<WorkerProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // no locks here: a caller may hold a worker's monitor while it waits for a reply
            for (WorkerProcess w : LIVE) {
                Process p = w.process;
                Path d = w.dir;
                if (p != null) {
                    p.destroyForcibly();
                    try {
                        p.waitFor(2, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (d != null) {
                    deleteTree(d);
                }
            }
        }, "kljn-worker-reaper"));
    }

    /** The outcome of one call. */
    public record Reply(boolean answered, String text, String failure) {
        static Reply of(String text) {
            return new Reply(true, text, null);
        }

        static Reply failed(String why) {
            return new Reply(false, null, why);
        }
    }

    private final String mainClass;
    private final List<String> jvmOptions;
    private final List<String> args;
    private volatile Process process;
    private volatile Path dir;
    private OutputStream stdin;
    private LinkedBlockingQueue<String> replies;
    private final List<String> noise = new ArrayList<>();
    private int starts;
    private boolean ready;

    private WorkerProcess(String mainClass, List<String> jvmOptions, List<String> args) {
        this.mainClass = mainClass;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.args = List.copyOf(args);
    }

    /** A worker running {@code mainClass} (which calls {@link WorkerLoop#serve}); started on the first call. */
    public static WorkerProcess of(Class<?> mainClass, List<String> jvmOptions, List<String> args) {
        return new WorkerProcess(mainClass.getName(), jvmOptions, args);
    }

    /** How many child JVMs this worker has started (1 + restarts after crashes and time-outs). */
    public synchronized int starts() {
        return starts;
    }

    /**
     * Sends a request (one line) and waits for the reply line.
     *
     * @param timeout null for no limit; a child that overruns it is killed (and restarted by the next call)
     */
    public synchronized Reply call(String request, Duration timeout) throws InterruptedException {
        if (request.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a request is one line");
        }
        try {
            ensureStarted();
        } catch (IOException e) {
            return Reply.failed("cannot start a worker JVM: " + e.getMessage());
        }
        if (!ready) {
            // the time limit counts from here: a slow start on a loaded machine is not the request's fault
            String first = replies.poll(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (first == null || first == EOF_MARK) {
                String why = first == null ? "the worker JVM did not start within " + seconds(START_LIMIT)
                        : crashReason(0);
                kill();
                return Reply.failed(why);
            }
            ready = true;
        }
        long errStart = size(dir.resolve("stderr.txt"));
        try {
            stdin.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // the child is gone already; its reply queue says why below
        }
        String line = timeout == null ? replies.take() : replies.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (line == null) {
            kill();
            return Reply.failed("timed out after " + seconds(timeout) + " (the worker JVM was stopped)");
        }
        if (line != EOF_MARK) {
            return Reply.of(line);
        }
        String why = crashReason(errStart);
        kill();
        return Reply.failed(why);
    }

    private static final String EOF_MARK = new String("end of stream");

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        kill();
        dir = org.kljn.ngspice.OwnedTempFolders.create(FOLDER_PREFIX);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-XX:ErrorFile=" + dir.resolve("hs_err.log"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        process = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        starts++;
        ready = false;
        LIVE.add(this);
        stdin = process.getOutputStream();
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        replies = queue;
        noise.clear();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> noiseOfThisChild = noise;
        Thread pump = new Thread(() -> {
            try {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    if (l.equals(READY)) {
                        queue.add(READY);
                    } else if (l.startsWith(REPLY)) {
                        queue.add(l.substring(REPLY.length()));
                    } else {
                        synchronized (noiseOfThisChild) {
                            if (noiseOfThisChild.size() < 200) {
                                noiseOfThisChild.add(l);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
            queue.add(EOF_MARK);
        }, "kljn-worker-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /** Why the child ended without a reply: the signal from its error report, or its exit status and stderr. */
    private String crashReason(long errStart) throws InterruptedException {
        int status;
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            status = process.waitFor();
        } else {
            status = process.exitValue();
        }
        Path hsErr = dir.resolve("hs_err.log");
        List<String> report = readLines(hsErr);
        for (String l : report) {
            if (l.startsWith("#  SIG") || l.startsWith("#  Internal Error") || l.contains("SIGSEGV") || l.contains("SIGBUS")
                    || l.contains("SIGFPE") || l.contains("SIGILL") || l.contains("SIGABRT")) {
                String frame = report.stream().filter(r -> r.startsWith("# C  [") || r.startsWith("# J ")).findFirst()
                        .map(r -> ", in " + r.replace("#", "").strip()).orElse("");
                return "the worker JVM crashed in native code (" + l.replace("#", "").strip() + frame + "), exit status "
                        + status;
            }
        }
        if (!report.isEmpty()) {
            return "the worker JVM crashed, exit status " + status;
        }
        String err = tail(dir.resolve("stderr.txt"), errStart);
        if (status > 128) {
            return "the worker JVM was killed by signal " + (status - 128) + signalName(status - 128)
                    + (err.isEmpty() ? "" : ": " + err);
        }
        return "the worker JVM exited with status " + status + (err.isEmpty() ? "" : ": " + err);
    }

    /** " (SIGABRT)" for 6 and the like: the Linux numbers of the signals that end a process. */
    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> " (SIGHUP)";
            case 2 -> " (SIGINT)";
            case 3 -> " (SIGQUIT)";
            case 4 -> " (SIGILL)";
            case 6 -> " (SIGABRT)";
            case 7 -> " (SIGBUS)";
            case 8 -> " (SIGFPE)";
            case 9 -> " (SIGKILL)";
            case 11 -> " (SIGSEGV)";
            case 13 -> " (SIGPIPE)";
            case 15 -> " (SIGTERM)";
            default -> "";
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The last non-blank line the child wrote to stderr since {@code from}. */
    private static String tail(Path p, long from) {
        List<String> lines = readLines(p);
        long skipped = 0;
        String last = "";
        for (String l : lines) {
            skipped += l.length() + 1;
            if (skipped > from && !l.isBlank()) {
                last = l.strip();
            }
        }
        return last;
    }

    private synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LIVE.remove(this);
            process = null;
        }
        if (dir != null) {
            deleteTree(dir);
            dir = null;
        }
    }

    /** Ends the child: closes its stdin (it exits at end of file), then kills it if it lingers. */
    @Override
    public synchronized void close() {
        if (process != null) {
            try {
                stdin.close();
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                // killed below
            }
        }
        kill();
    }

    /** The child's process, if running (for tests). */
    public synchronized Optional<ProcessHandle> processForTest() {
        return process == null ? Optional.empty() : Optional.of(process.toHandle());
    }

    private static void deleteTree(Path folder) {
        org.kljn.ngspice.OwnedTempFolders.deleteTree(folder);
    }
}
