package org.kljn.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How bench starts {@code kljn attack}: the command-line class it is given (bench names no class of the command
 * line), and extra JVM options where each kind of command takes them.
 */
class AttackLauncherTest {

    @Test
    void aJavaCommandRunsTheGivenMainClassWithTheExtraOptionsBeforeTheClassPath() {
        // surefire does not start this JVM through the kljn launcher
        AttackLauncher kljn = AttackLauncher.current("some.where.Main");
        List<String> c = kljn.withJvmOptions(List.of("-Xmx64m", "-XX:+UseSerialGC"));
        assertEquals(List.of("-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "some.where.Main"), c.subList(c.size() - 5, c.size()));
        assertEquals(Map.of(), kljn.environment(List.of("-Xmx64m")));
    }

    @Test
    void theLauncherScriptTakesTheExtraOptionsThroughItsEnvironment() {
        AttackLauncher kljn = new AttackLauncher(List.of("/opt/kljn/kljn"), true);
        assertEquals(List.of("/opt/kljn/kljn"), kljn.withJvmOptions(List.of("-Xmx64m", "-XX:+UseSerialGC")));
        assertEquals(Map.of("KLJN_JAVA_OPTS", "-Xmx64m -XX:+UseSerialGC"),
                kljn.environment(List.of("-Xmx64m", "-XX:+UseSerialGC")));
        assertEquals("the kljn launcher", kljn.describe());
    }
}
