package org.kljn.sweep.slurm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sbatch options are checked against Slurm's documented forms before anything is written. */
class SlurmOptionsTest {
    private static SlurmOptions with(String time, String mem) {
        return SlurmOptions.of(4, 42, null, time, mem, null, List.of());
    }

    private static void refused(String option, String value, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run, value);
        assertTrue(e.getMessage().startsWith(option + ": ") && e.getMessage().contains(value)
                && e.getMessage().contains("allowed"), e.getMessage());
    }

    @Test
    void everySbatchTimeFormIsAcceptedAndMalformedOnesAreRefused() {
        // sbatch(1): minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes,
        // days-hours:minutes:seconds
        for (String t : List.of("30", "90", "30:00", "2:00:00", "48:00:00", "1-12", "1-12:30", "7-00:00:01", "UNLIMITED",
                "infinite")) {
            assertEquals(t, with(t, null).time().orElseThrow());
        }
        for (String t : List.of("", "0", "0:00", "abc", "1:60", "1:00:60", "2:75:00", "1-24", "1-2:60", "1:2:3:4", "-5",
                "1.5", "1h", "1-", "10 ")) {
            refused("--time", t, () -> with(t, null));
        }
    }

    @Test
    void memoryTakesWholeNumbersWithSlurmSuffixes() {
        for (String m : List.of("2000", "500M", "4G", "1T", "64k", "0")) {
            assertEquals(m, with(null, m).memory().orElseThrow());
        }
        for (String m : List.of("1.5G", "4GB", "-1", "G", "4 G", "four")) {
            refused("--mem", m, () -> with(null, m));
        }
    }

    @Test
    void theArrayHasOneToPointsTasks() {
        assertEquals(42, SlurmOptions.of(42, 42, null, null, null, null, List.of()).shards());
        assertEquals(1, SlurmOptions.of(1, 42, null, null, null, null, List.of()).shards());
        refused("--slurm", "43", () -> SlurmOptions.of(43, 42, null, null, null, null, List.of()));
        refused("--slurm", "0", () -> SlurmOptions.of(0, 42, null, null, null, null, List.of()));
        refused("--jobs", "0", () -> SlurmOptions.of(2, 42, null, null, null, 0, List.of()));
    }

    @Test
    void partitionsAndExtraArgumentsAreSingleSbatchOptions() {
        assertEquals("gpu,short", SlurmOptions.of(2, 4, "gpu,short", null, null, null, List.of()).partition().orElseThrow());
        refused("--partition", "a b", () -> SlurmOptions.of(2, 4, "a b", null, null, null, List.of()));
        assertEquals(List.of("--account=phys", "--qos=long", "-N1"),
                SlurmOptions.of(2, 4, null, null, null, null, List.of("--account=phys", "--qos=long", "-N1")).extraArgs());
        // not an option, two lines, or an option that kljn sets itself
        for (String a : List.of("account=phys", "--account=a\n#SBATCH --array=1-9", "--array=1-3", "-p", "-pdebug",
                "--output=x.log", "--dependency=afterok:1", "--time=5", "--")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SlurmOptions.of(2, 4, null, null, null, null, List.of(a)), a);
            assertTrue(e.getMessage().startsWith("--sbatch-arg: "), e.getMessage());
        }
    }

    @Test
    void arrayRangesAreCompressed() {
        assertEquals("1-3,5,7-8", SlurmScripts.ranges(List.of(1, 2, 3, 5, 7, 8)));
        assertEquals("4", SlurmScripts.ranges(List.of(4)));
        assertEquals("1-1000", SlurmScripts.ranges(java.util.stream.IntStream.rangeClosed(1, 1000).boxed().toList()));
    }

    @Test
    void shellWordsAreQuotedOnlyWhenNeeded() {
        assertEquals("/usr/bin/java", SlurmScripts.quote("/usr/bin/java"));
        assertEquals("'/a b/it'\\''s'", SlurmScripts.quote("/a b/it's"));
        assertEquals("'$HOME'", SlurmScripts.quote("$HOME"));
    }
}
