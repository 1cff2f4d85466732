package org.kljn.sweep.slurm;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a sweep is submitted to Slurm: one array task per shard, and the sbatch options given by the user, each
 * checked before anything is written (sbatch would otherwise refuse them only at submission, after the scripts
 * exist, or a typo in {@code --time} would cost a queue wait).
 *
 * @param shards      array tasks (shards), 1 ≤ shards ≤ points of the sweep
 * @param partition   {@code --partition}, or empty for the cluster's default
 * @param time        {@code --time} in one of Slurm's forms, or empty
 * @param memory      {@code --mem}: a whole number with an optional K, M, G or T suffix (megabytes without), or empty
 * @param cpusPerTask {@code --cpus-per-task} (and the sweep's {@code --jobs}) when given
 * @param extraArgs   further sbatch options, each written as one {@code #SBATCH} line in both scripts
 */
public record SlurmOptions(int shards, Optional<String> partition, Optional<String> time, Optional<String> memory,
                           Optional<Integer> cpusPerTask, List<String> extraArgs) {
    // sbatch --time: minutes, minutes:seconds, hours:minutes:seconds, days-hours, days-hours:minutes,
    // days-hours:minutes:seconds (sbatch(1)); "infinite" and "unlimited" mean no limit
    private static final Pattern TIME = Pattern.compile(
            "\\d+|\\d+:\\d{1,2}|\\d+:\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}|\\d+-\\d{1,2}:\\d{1,2}:\\d{1,2}"
                    + "|(?i:infinite|unlimited)");
    private static final Pattern MEMORY = Pattern.compile("\\d+[KMGTkmgt]?");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.\\-]+(,[A-Za-z0-9_.\\-]+)*");
    /** Options that kljn sets itself in the scripts or on the sbatch command line. */
    static final Set<String> RESERVED = Set.of("--array", "-a", "--output", "-o", "--error", "-e", "--dependency", "-d",
            "--parsable", "--wrap", "--open-mode", "--job-name", "-J", "--requeue", "--no-requeue", "--partition", "-p",
            "--time", "-t", "--mem", "--cpus-per-task", "-c", "--kill-on-invalid-dep", "--chdir", "-D", "--test-only");

    public SlurmOptions {
        partition = partition == null ? Optional.empty() : partition;
        time = time == null ? Optional.empty() : time;
        memory = memory == null ? Optional.empty() : memory;
        cpusPerTask = cpusPerTask == null ? Optional.empty() : cpusPerTask;
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Checked options for a sweep of {@code points} points.
     *
     * @throws IllegalArgumentException naming the option, the value and what is allowed
     */
    public static SlurmOptions of(int shards, int points, String partition, String time, String memory,
                                  Integer cpusPerTask, List<String> extraArgs) {
        if (shards < 1 || shards > points) {
            throw new IllegalArgumentException("--slurm: " + shards + " array tasks for a sweep of " + points
                    + " points; allowed: 1 to " + points + " (each task runs one shard of at least one point)");
        }
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("--partition: '" + partition
                    + "' is not a partition name; allowed: letters, digits, '_', '.', '-' (several separated by commas)");
        }
        if (time != null) {
            checkTime(time);
        }
        if (memory != null && !MEMORY.matcher(memory).matches()) {
            throw new IllegalArgumentException("--mem: '" + memory + "' is not a Slurm memory size; allowed: a whole number"
                    + " of megabytes, or with a suffix K, M, G or T (e.g. 2000, 500M, 4G)");
        }
        if (cpusPerTask != null && cpusPerTask < 1) {
            throw new IllegalArgumentException("--jobs: " + cpusPerTask + " cores per array task; allowed: >= 1");
        }
        for (String a : extraArgs) {
            checkSbatchArg(a);
        }
        return new SlurmOptions(shards, Optional.ofNullable(partition), Optional.ofNullable(time),
                Optional.ofNullable(memory), Optional.ofNullable(cpusPerTask), extraArgs);
    }

    /** Checks a {@code --time} value: one of sbatch's forms, with minutes and seconds below 60 and hours below 24 after a day count. */
    static void checkTime(String time) {
        String allowed = "; allowed: MINUTES, MINUTES:SECONDS, HOURS:MINUTES:SECONDS, DAYS-HOURS, DAYS-HOURS:MINUTES,"
                + " DAYS-HOURS:MINUTES:SECONDS (e.g. 30, 2:00:00, 1-12:00:00), or UNLIMITED";
        if (!TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time: '" + time + "' is not a Slurm time limit" + allowed);
        }
        if (time.equalsIgnoreCase("infinite") || time.equalsIgnoreCase("unlimited")) {
            return;
        }
        String[] dayRest = time.split("-", 2);
        String clock = dayRest.length == 2 ? dayRest[1] : dayRest[0];
        String[] f = clock.split(":");
        long total;
        if (dayRest.length == 2) {
            // DAYS-HOURS[:MINUTES[:SECONDS]]
            if (Integer.parseInt(f[0]) > 23) {
                throw new IllegalArgumentException("--time: '" + time + "': hours after the day count must be 0-23" + allowed);
            }
            for (int i = 1; i < f.length; i++) {
                checkSixty(time, f[i], allowed);
            }
            total = Long.parseLong(dayRest[0]) + Long.parseLong(f[0]);
        } else {
            // MINUTES, MINUTES:SECONDS or HOURS:MINUTES:SECONDS: the leading field is free, the others below 60
            for (int i = 1; i < f.length; i++) {
                checkSixty(time, f[i], allowed);
            }
            total = 0;
            for (String x : f) {
                total += Long.parseLong(x);
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("--time: '" + time + "' is a zero time limit" + allowed);
        }
    }

    private static void checkSixty(String time, String field, String allowed) {
        if (Integer.parseInt(field) > 59) {
            throw new IllegalArgumentException("--time: '" + time + "': minutes and seconds must be 0-59" + allowed);
        }
    }

    /**
     * Checks one {@code --sbatch-arg}: an option (starting with '-'), on one line, and not one that kljn sets
     * itself (the array range, log files, dependency, requeue, and the options that have their own flag).
     */
    static void checkSbatchArg(String arg) {
        if (arg.isBlank() || !arg.startsWith("-") || arg.matches("-+")) {
            throw new IllegalArgumentException("--sbatch-arg: '" + arg + "' is not an sbatch option; allowed: one option"
                    + " per --sbatch-arg, written --name=value (e.g. --sbatch-arg=--account=phys)");
        }
        if (arg.contains("\n") || arg.contains("\r") || arg.contains("\0")) {
            throw new IllegalArgumentException("--sbatch-arg: '" + arg.replace("\n", "\\n") + "' spans lines; allowed: one line");
        }
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg.split("\\s+", 2)[0];
        if (RESERVED.contains(name) || (name.length() > 2 && !name.startsWith("--") && RESERVED.contains(name.substring(0, 2)))) {
            throw new IllegalArgumentException("--sbatch-arg: '" + arg + "' sets " + name + ", which kljn sets itself"
                    + " (use --partition, --time, --mem, --jobs for those; the array range, logs, dependency and requeue are fixed)");
        }
    }
}
