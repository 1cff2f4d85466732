package org.kljn.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The CPU each test class costs, measured where wall times say more about a shared machine's load than about the
 * suite: with {@code -Dkljn.test.cpuTimes=FILE} ({@code mvn test -Dkljn.test.cpuTimes=$PWD/target/cpu-times.tsv})
 * every test class appends one line "class, CPU seconds, wall seconds, test JVM's process id, child processes' CPU
 * seconds" to FILE, the CPU being the test JVM's whole process (every thread: ngspice's background runs, garbage
 * collection, the JIT) from before the class's first extension to after its last. The process id tells surefire's
 * forks apart (how the classes are balanced between them); the last column is the CPU of the child processes the
 * class started and the JVM reaped (a child JVM, ngspice's program, isolated workers: Linux's cutime + cstime, NaN
 * where /proc is not there), which a fork also waits for. Without the property it does nothing. Registered for every
 * class by {@code META-INF/services} (autodetection is enabled in {@code junit-platform.properties}); classes run one
 * at a time in a test JVM, so the process's CPU between two callbacks is the class's own.
 */
public final class CpuTimeExtension implements BeforeAllCallback, AfterAllCallback {
    private static final String PROPERTY = "kljn.test.cpuTimes";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CpuTimeExtension.class);

    /** The process's CPU and the wall clock, in nanoseconds, and its reaped children's CPU, when a class started. */
    private record Start(long cpu, long wall, double children) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty(PROPERTY) != null) {
            context.getStore(NAMESPACE).put(Start.class, new Start(processCpu(), System.nanoTime(), childrenCpu()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String file = System.getProperty(PROPERTY);
        Start start = context.getStore(NAMESPACE).remove(Start.class, Start.class);
        if (file == null || start == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s\t%.3f\t%.3f\t%d\t%.2f%n",
                context.getRequiredTestClass().getName(), (processCpu() - start.cpu()) / 1e9,
                (System.nanoTime() - start.wall()) / 1e9, ProcessHandle.current().pid(),
                childrenCpu() - start.children());
        // one short write in append mode: lines of parallel test JVMs do not interleave
        Files.write(Path.of(file), line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Seconds of CPU of this process's terminated and reaped children: fields 16 and 17 (cutime, cstime) of
     * /proc/self/stat, in clock ticks of 1/100 s (USER_HZ, the unit /proc reports in); NaN without /proc.
     */
    private static double childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // the command name in parentheses may hold spaces: fields are counted after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
        } catch (IOException | RuntimeException notLinux) {
            return Double.NaN;
        }
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
