package org.kljn.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpiceException;
import org.kljn.ngspice.SpiceVector;
import org.kljn.io.AtomicFiles;
import org.kljn.io.TextFiles;
import org.kljn.worker.WorkerLoop;
import org.kljn.worker.WorkerProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code kljn run FILE... [--out DIR]}: the primitive of scripted netlist batches. Each netlist runs
 * with its own analysis cards or {@code .control} block; every vector of every plot it made is written
 * as {@code DIR/<stem>.<plot>.csv}. A failing file is reported and the batch goes on.
 *
 * <p>The netlists run in a worker JVM ({@link WorkerProcess}) by default: a netlist that crashes ngspice (39.3
 * segfaults on an EXTERNAL source with a DC value) kills only the worker; it is reported failed with the
 * signal, a new worker starts, and the rest of the batch runs. {@code --timeout} bounds each netlist the same way.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run SPICE netlists through the ngspice shared library and write every plot as CSV.",
                "A folder stands for the netlists in it (*.cir, *.sp, *.spice, *.net, *.ckt).",
                "Also writes DIR/run-summary.csv: one row per netlist with its status, files, number of warnings and"
                        + " error, and DIR/run-warnings.csv: one row per warning (netlist, warning)."})
public final class RunCommand implements Callable<Integer> {
    private static final Pattern INCLUDE = Pattern.compile("^(\\s*\\.(?:include|inc|lib)\\s+)(\"?)([^\"\\s]+)(\"?)(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("^\\s*\\.control\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDC = Pattern.compile("^\\s*\\.endc\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUIT = Pattern.compile("^\\s*(quit|exit)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final List<String> EXTENSIONS = List.of(".cir", ".sp", ".spice", ".net", ".ckt");
    static final String SUMMARY = "run-summary.csv";
    /** One row per ngspice warning: a warning is a cell of its own, never joined to another. */
    static final String WARNINGS = "run-warnings.csv";
    /** The output folder's lock file ({@link org.kljn.io.FolderLock}). */
    static final String LOCK = ".kljn-run.lock";
    /**
     * The time limit per netlist without --timeout: an hour, generous for any batch netlist (a netlist that needs
     * longer says so with --timeout), but a netlist that never ends cannot hang the batch forever.
     */
    static final double DEFAULT_TIMEOUT_SECONDS = 3600;
    /** The longest --timeout accepted: a day. */
    static final double MAX_TIMEOUT_SECONDS = 86_400;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "netlist files or folders of netlists")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "folder for the CSV files (default: the current folder)")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "time limit per netlist in seconds (0 < SECONDS <= 86400; default: 3600, so that a netlist"
                    + " that never ends, such as a .control while loop, cannot hang the batch); an overrun fails"
                    + " that netlist and the batch goes on")
    Double timeout;

    @Option(names = "--in-process",
            description = "run the netlists in this JVM (no worker JVM: a native crash in ngspice ends the whole"
                    + " batch, and there is no time limit: --timeout is not available)")
    boolean inProcess;

    @Option(names = "--safe",
            description = "refuse netlists whose .control or .exec blocks can run programs or load code (shell,"
                    + " alias, source, exec, codemodel, aspice, rspice, edit, load, cd, a command from a $variable or"
                    + " a `backquote`); without it a netlist is trusted code, as in ngspice itself")
    boolean safe;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** What one netlist gave. */
    record Outcome(List<String> written, List<String> warnings, String error) {
        boolean ok() {
            return error == null;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        checkOptions();
        Map<Path, String> stems = stems();
        if (stems.isEmpty()) {
            stderr.println("kljn run: no netlists found in " + files + " (looked for " + EXTENSIONS
                    + " in the folders and their subfolders)");
            return 2;
        }
        refuseSharedOutputNames(stems);
        List<Path> netlists = List.copyOf(stems.keySet());
        int failed = 0;
        List<List<String>> summary = new ArrayList<>();
        summary.add(List.of("netlist", "status", "outputs", "warnings", "error"));
        List<List<String>> warningRows = new ArrayList<>();
        warningRows.add(List.of("netlist", "warning"));
        // one run per output folder: two would replace each other's CSV files and summary
        try (org.kljn.io.FolderLock lock = org.kljn.io.FolderLock.acquire(out, LOCK, "kljn run");
             Runner runner = inProcess ? new InProcess(safe) : new InWorker(timeLimit(timeout), safe)) {
            for (Path netlist : netlists) {
                // what needs no ngspice is checked here, so that a missing, unreadable, empty, self-including or
                // (--safe) refused netlist never starts a worker JVM; the worker reads and checks it again. The path
                // as the runner names it in its messages (the worker is given it absolute)
                Outcome o = refusal(inProcess ? netlist : netlist.toAbsolutePath(), safe);
                if (o == null) {
                    o = runner.run(netlist, out, stems.get(netlist));
                }
                List<String> shown = o.written().stream().map(f -> out.resolve(f).toString()).toList();
                for (String w : o.warnings()) {
                    stdout.println("warn  " + netlist + ": " + w);
                }
                if (o.ok()) {
                    stdout.println("ok    " + netlist + " -> " + String.join(", ", shown));
                } else {
                    failed++;
                    stdout.println("FAIL  " + netlist + ": " + o.error());
                }
                stdout.flush();
                summary.add(List.of(netlist.toString(), o.ok() ? "ok" : "failed", String.join(" ", shown),
                        Integer.toString(o.warnings().size()), o.ok() ? "" : o.error()));
                o.warnings().forEach(w -> warningRows.add(List.of(netlist.toString(), w)));
            }
            Path summaryFile = out.resolve(SUMMARY);
            writeCsv(summaryFile, summary);
            writeCsv(out.resolve(WARNINGS), warningRows);
            stdout.println("summary: " + summaryFile + " (warnings, one per row: " + out.resolve(WARNINGS) + ")");
        }
        if (failed > 0) {
            stderr.println("kljn run: " + failed + " of " + netlists.size() + " netlists failed");
            return 1;
        }
        return 0;
    }

    /** --timeout within its range and not with --in-process; --out not a file. */
    private void checkOptions() {
        if (timeout != null && !(timeout > 0 && timeout <= MAX_TIMEOUT_SECONDS)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout " + timeout
                    + ": must be a number of seconds in (0, " + (long) MAX_TIMEOUT_SECONDS + "]");
        }
        if (timeout != null && inProcess) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--timeout needs the worker JVM: it cannot be combined with --in-process");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--out " + out
                    + ": is a file; --out names a folder for the CSV files");
        }
    }

    /** The netlists of the batch, in order, each with its output stem ({@link #stem}); a folder gives its tree's. */
    private Map<Path, String> stems() throws IOException {
        Map<Path, String> stems = new LinkedHashMap<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                // the whole tree: a netlist in a subfolder is named by its path below the folder given (sub_x)
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.filter(Files::isRegularFile).filter(RunCommand::isNetlist).sorted().toList()) {
                        stems.putIfAbsent(f, stem(p.relativize(f)));
                    }
                }
            } else {
                stems.putIfAbsent(p, stem(p.getFileName()));
            }
        }
        return stems;
    }

    /** The worker's time limit per netlist: --timeout, or {@link #DEFAULT_TIMEOUT_SECONDS}. */
    static Duration timeLimit(Double seconds) {
        return Duration.ofMillis(Math.round((seconds == null ? DEFAULT_TIMEOUT_SECONDS : seconds) * 1000));
    }

    private static void writeCsv(Path file, List<List<String>> rows) throws IOException {
        AtomicFiles.write(file, w -> {
            for (List<String> row : rows) {
                w.write(csvLine(row));
            }
        });
    }

    private static String csvLine(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            if (b.length() > 0) {
                b.append(',');
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                b.append('"').append(c.replace("\"", "\"\"").replace("\n", " ")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.append('\n').toString();
    }

    private static boolean isNetlist(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * A netlist's output stem: its path (below the folder given, or its file name) without the extension, folders
     * joined by {@code _}. It depends on that path alone, never on what else is in the batch.
     */
    static String stem(Path relative) {
        String joined = relative.normalize().toString().replace('/', '_');
        return joined.replaceFirst("\\.[^._]*$", "");
    }

    /**
     * Two netlists with one stem ({@code x.cir} and {@code x.sp}, or {@code d1/x.cir} and {@code d1_x.cir}) would
     * write the same CSV files: refused before anything runs, naming both (one pass, a map: a batch of 10,000 is
     * checked at once).
     */
    static void refuseSharedOutputNames(Map<Path, String> stems) {
        Map<String, Path> first = new HashMap<>();
        for (Map.Entry<Path, String> e : stems.entrySet()) {
            Path other = first.putIfAbsent(e.getValue(), e.getKey());
            if (other != null && !other.toAbsolutePath().normalize().equals(e.getKey().toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("netlists " + other + " and " + e.getKey() + " would both write "
                        + e.getValue() + ".<plot>.csv: rename one, or run them into different --out folders");
            }
        }
    }

    /** How netlists are run: here, or in a worker JVM. */
    private interface Runner extends AutoCloseable {
        Outcome run(Path netlist, Path out, String stem);

        @Override
        void close();
    }

    private static final class InProcess implements Runner {
        private final boolean safe;
        private NgSpice spice;

        InProcess(boolean safe) {
            this.safe = safe;
        }

        @Override
        public Outcome run(Path netlist, Path out, String stem) {
            if (spice == null) {
                spice = NgSpice.open();
            }
            return runHere(spice, netlist, out, stem, safe);
        }

        @Override
        public void close() {
            if (spice != null) {
                spice.close();
            }
        }
    }

    private static final class InWorker implements Runner {
        private final WorkerProcess worker = WorkerProcess.of(RunCommand.class,
                List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), List.of());
        private final Duration limit;
        private final boolean safe;

        InWorker(Duration limit, boolean safe) {
            this.limit = limit;
            this.safe = safe;
        }

        @Override
        public Outcome run(Path netlist, Path out, String stem) {
            try {
                Map<String, String> request = Map.of("netlist", netlist.toAbsolutePath().toString(),
                        "out", out.toAbsolutePath().toString(), "stem", stem, "safe", Boolean.toString(safe));
                WorkerProcess.Reply reply = worker.call(JSON.writeValueAsString(request), limit);
                if (!reply.answered()) {
                    return new Outcome(List.of(), List.of(), reply.failure()
                            + (reply.failure().startsWith("timed out") ? ", the limit per netlist (--timeout SECONDS,"
                            + " default " + (long) DEFAULT_TIMEOUT_SECONDS + ")" : "; the batch goes on in a new worker"));
                }
                Map<?, ?> m = JSON.readValue(reply.text(), Map.class);
                if (m.containsKey("error") && !m.containsKey("written")) {
                    return new Outcome(List.of(), List.of(), String.valueOf(m.get("error")));
                }
                return new Outcome(strings(m.get("written")), strings(m.get("warnings")),
                        m.get("error") == null ? null : String.valueOf(m.get("error")));
            } catch (IOException e) {
                return new Outcome(List.of(), List.of(), "cannot talk to the worker JVM: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(List.of(), List.of(), "interrupted");
            }
        }

        private static List<String> strings(Object o) {
            List<String> r = new ArrayList<>();
            if (o instanceof List<?> l) {
                l.forEach(x -> r.add(String.valueOf(x)));
            }
            return r;
        }

        @Override
        public void close() {
            worker.close();
        }
    }

    /** The worker JVM's side: one netlist per request line, one session for the worker's life. */
    public static void main(String[] args) {
        NgSpice[] spice = new NgSpice[1];
        WorkerLoop.serve(() -> spice[0] = NgSpice.open(), request -> {
            try {
                Map<?, ?> m = JSON.readValue(request, Map.class);
                if (spice[0] == null) {
                    spice[0] = NgSpice.open();
                }
                Outcome o = runHere(spice[0], Path.of((String) m.get("netlist")), Path.of((String) m.get("out")),
                        (String) m.get("stem"), Boolean.parseBoolean((String) m.get("safe")));
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("written", o.written());
                reply.put("warnings", o.warnings());
                reply.put("error", o.error());
                return JSON.writeValueAsString(reply);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Runs one netlist in {@code spice}; failures become the outcome's error. */
    static Outcome runHere(NgSpice spice, Path netlist, Path out, String stem, boolean safe) {
        List<String> warnings = new ArrayList<>();
        try {
            List<String> written = runOne(spice, netlist, out, stem, safe, warnings);
            return new Outcome(written, warnings, null);
        } catch (NgSpiceException | IOException | IllegalArgumentException | IllegalStateException e) {
            return new Outcome(List.of(), warnings, e.getMessage());
        }
    }

    /** Why {@code netlist} cannot run, found without ngspice ({@link #read}), or null where it may. */
    static Outcome refusal(Path netlist, boolean safe) {
        try {
            read(netlist, safe);
            return null;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return new Outcome(List.of(), List.of(), e.getMessage());
        }
    }

    /**
     * The lines ngspice gets ({@link #prepare}), after every check that needs no ngspice: the file exists and is a
     * readable file, and (with {@code safe}) runs no program ({@link #refuseCode}).
     */
    private static List<String> read(Path netlist, boolean safe) throws IOException {
        if (!Files.exists(netlist)) {
            throw new IOException("cannot read netlist file " + netlist + ": no such file");
        }
        if (!Files.isRegularFile(netlist) || !Files.isReadable(netlist)) {
            throw new IOException("cannot read netlist file " + netlist + ": "
                    + (Files.isDirectory(netlist) ? "is a folder" : "not a readable file"));
        }
        List<String> lines = prepare(netlist);
        if (safe) {
            refuseCode(netlist, lines);
        }
        return lines;
    }

    private static List<String> runOne(NgSpice spice, Path netlist, Path out, String stem, boolean safe,
            List<String> warnings) throws IOException {
        List<String> lines = read(netlist, safe);
        boolean hasControl = lines.stream().anyMatch(l -> CONTROL.matcher(l).matches());
        try {
            spice.loadCircuit(lines); // a .control block runs here
            if (!hasControl) {
                spice.run();
            }
        } finally {
            warnings.addAll(spice.warnings());
        }
        List<String> written = new ArrayList<>();
        for (String plot : spice.plots()) {
            if (plot.equals("const")) {
                continue;
            }
            List<SpiceVector> vectors = new ArrayList<>();
            for (String name : spice.vectorNames(plot)) {
                vectors.add(spice.vector(plot + "." + name));
            }
            // the scale (time, frequency, ...) first, the rest in ngspice's order
            vectors.sort((a, b) -> Boolean.compare(!isScale(a), !isScale(b)));
            Path csv = out.resolve(stem + "." + plot + ".csv");
            boolean existed = Files.exists(csv);
            AtomicFiles.write(csv, w -> VectorCsv.write(w, vectors));
            written.add(csv.getFileName() + (existed ? " (replaced an older file)" : ""));
        }
        spice.freeCircuit();
        if (written.isEmpty()) {
            throw new IllegalArgumentException("the netlist ran but made no plot (no analysis card or control)");
        }
        return written;
    }

    private static boolean isScale(SpiceVector v) {
        String n = v.name().toLowerCase(Locale.ROOT);
        return n.equals("time") || n.equals("frequency") || n.equals("v-sweep") || n.equals("i-sweep");
    }

    /**
     * Reads a netlist: UTF-8, or Latin-1 when it is not valid UTF-8 (ngspice reads bytes; a binary file is
     * refused); includes resolved against its folder (ngspice would use the working directory), and quit/exit
     * dropped from control blocks (they would end the library for the whole process).
     */
    static List<String> prepare(Path netlist) throws IOException {
        Path dir = netlist.toAbsolutePath().getParent();
        List<String> result = new ArrayList<>();
        boolean inControl = false;
        for (String line : TextFiles.read(netlist, "netlist file").split("\r?\n", -1)) {
            if (CONTROL.matcher(line).matches()) {
                inControl = true;
            } else if (ENDC.matcher(line).matches()) {
                inControl = false;
            } else if (inControl && QUIT.matcher(line).matches()) {
                continue;
            }
            Matcher m = INCLUDE.matcher(line);
            if (m.matches()) {
                Path included = dir.resolve(m.group(3)).normalize();
                refuseIncludeCycle(netlist, included, new ArrayList<>(List.of(netlist.toAbsolutePath().normalize())));
                if (!Path.of(m.group(3)).isAbsolute()) {
                    line = m.group(1) + m.group(2) + included + m.group(4) + m.group(5);
                }
            }
            result.add(line);
        }
        while (!result.isEmpty() && result.get(result.size() - 1).isEmpty()) {
            result.remove(result.size() - 1);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("empty netlist file " + netlist);
        }
        return result;
    }

    /** How deep includes may nest before a netlist is refused as (probably) recursive. */
    private static final int MAX_INCLUDE_DEPTH = 16;

    /**
     * A file that includes itself, directly or through others, makes ngspice recurse until it crashes (issue 22
     * item 13): refused, naming the chain. Only the include lines of the files are read; nothing of them is quoted.
     */
    private static void refuseIncludeCycle(Path netlist, Path included, List<Path> chain) throws IOException {
        Path file = included.toAbsolutePath().normalize();
        if (chain.contains(file) || chain.size() > MAX_INCLUDE_DEPTH) {
            chain.add(file);
            throw new IllegalArgumentException("netlist file " + netlist + " includes "
                    + (chain.size() > MAX_INCLUDE_DEPTH + 1 ? "files nested over " + MAX_INCLUDE_DEPTH + " deep"
                    : "a file that includes itself") + " (" + chain.stream().map(Path::toString)
                    .collect(java.util.stream.Collectors.joining(" -> ")) + "); ngspice would recurse until it crashed");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return; // ngspice says it cannot open it
        }
        chain.add(file);
        for (String line : TextFiles.read(file, "included file").split("\r?\n")) {
            Matcher m = INCLUDE.matcher(line);
            if (m.matches()) {
                refuseIncludeCycle(netlist, file.getParent().resolve(m.group(3)).normalize(), chain);
            }
        }
        chain.remove(chain.size() - 1);
    }

    /** Control-block commands that run programs or load code ({@code --safe} refuses them). */
    private static final java.util.Set<String> CODE_COMMANDS = java.util.Set.of("shell", "alias", "source", "exec",
            "codemodel", "aspice", "rspice", "edit", "load", "cd", "unalias");
    private static final Pattern EXEC = Pattern.compile("^\\s*\\.exec\\b.*", Pattern.CASE_INSENSITIVE);

    /**
     * {@code --safe}: a netlist whose {@code .control} or {@code .exec} block holds a command that runs a program or
     * loads code is refused before ngspice sees it, naming the line. A command word taken from a variable or
     * backquotes could be any of them, so those are refused too.
     */
    static void refuseCode(Path netlist, List<String> lines) {
        boolean inBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (CONTROL.matcher(line).matches() || EXEC.matcher(line).matches()) {
                inBlock = true;
                continue;
            }
            if (ENDC.matcher(line).matches()) {
                inBlock = false;
                continue;
            }
            if (!inBlock || line.isEmpty() || line.startsWith("*")) {
                continue;
            }
            String word = lower.split("[\\s(;]+", 2)[0];
            if (CODE_COMMANDS.contains(word) || word.contains("$") || lower.contains("`")) {
                throw new IllegalArgumentException("--safe: netlist file " + netlist + " line " + (i + 1) + ": the"
                        + " control command '" + (CODE_COMMANDS.contains(word) ? word : "$variable or `backquote`")
                        + "' can run a program or load code; --safe refuses " + new java.util.TreeSet<>(CODE_COMMANDS)
                        + " and commands named by a variable or backquotes");
            }
        }
    }
}
