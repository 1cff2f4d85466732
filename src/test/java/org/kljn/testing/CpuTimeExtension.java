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
 * every test class appends one line "class, CPU seconds, wall seconds, test JVM's process id" to FILE (the process id
 * tells surefire's forks apart, to see how the classes are balanced between them), the CPU being the test JVM's whole
 * process (every thread: ngspice's background runs, garbage collection, the JIT) from before the class's first
 * extension to after its last. Without the property it does nothing. Registered for every class by
 * {@code META-INF/services} (autodetection is enabled in {@code junit-platform.properties}); classes run one at a time
 * in a test JVM, so the process's CPU between two callbacks is the class's own.
 */
public final class CpuTimeExtension implements BeforeAllCallback, AfterAllCallback {
    private static final String PROPERTY = "kljn.test.cpuTimes";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CpuTimeExtension.class);

    /** The process's CPU and the wall clock, in nanoseconds, when a class started. */
    private record Start(long cpu, long wall) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (System.getProperty(PROPERTY) != null) {
            context.getStore(NAMESPACE).put(Start.class, new Start(processCpu(), System.nanoTime()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        String file = System.getProperty(PROPERTY);
        Start start = context.getStore(NAMESPACE).remove(Start.class, Start.class);
        if (file == null || start == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s\t%.3f\t%.3f\t%d%n", context.getRequiredTestClass().getName(),
                (processCpu() - start.cpu()) / 1e9, (System.nanoTime() - start.wall()) / 1e9,
                ProcessHandle.current().pid());
        // one short write in append mode: lines of parallel test JVMs do not interleave
        Files.write(Path.of(file), line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
