package org.kljn.cli;

import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.NgSpiceException;
import org.kljn.ngspice.SpiceVector;
import org.kljn.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code kljn run FILE... [--out DIR]}: the primitive of scripted netlist batches. Each netlist runs
 * with its own analysis cards or {@code .control} block; every vector of every plot it made is written
 * as {@code DIR/<stem>.<plot>.csv}. A failing file is reported and the batch goes on.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run SPICE netlists through the ngspice shared library and write every plot as CSV.",
                "A folder stands for the netlists in it (*.cir, *.sp, *.spice, *.net, *.ckt)."})
public final class RunCommand implements Callable<Integer> {
    private static final Pattern INCLUDE = Pattern.compile("^(\\s*\\.(?:include|inc|lib)\\s+)(\"?)([^\"\\s]+)(\"?)(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("^\\s*\\.control\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDC = Pattern.compile("^\\s*\\.endc\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUIT = Pattern.compile("^\\s*(quit|exit)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final List<String> EXTENSIONS = List.of(".cir", ".sp", ".spice", ".net", ".ckt");

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "netlist files or folders of netlists")
    List<Path> files;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "folder for the CSV files (default: the current folder)")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        List<Path> netlists = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> EXTENSIONS.stream().anyMatch(e -> f.getFileName().toString()
                            .toLowerCase(Locale.ROOT).endsWith(e))).sorted().forEach(netlists::add);
                }
            } else {
                netlists.add(p);
            }
        }
        if (netlists.isEmpty()) {
            stderr.println("kljn run: no netlists found in " + files + " (looked for " + EXTENSIONS + ")");
            return 2;
        }
        int failed = 0;
        try (NgSpice spice = NgSpice.open()) {
            for (Path netlist : netlists) {
                try {
                    List<String> written = runOne(spice, netlist);
                    stdout.println("ok    " + netlist + " -> " + String.join(", ", written));
                } catch (NgSpiceException | IOException | IllegalArgumentException e) {
                    failed++;
                    stdout.println("FAIL  " + netlist + ": " + e.getMessage());
                } finally {
                    stdout.flush();
                }
            }
        }
        if (failed > 0) {
            stderr.println("kljn run: " + failed + " of " + netlists.size() + " netlists failed");
            return 1;
        }
        return 0;
    }

    private List<String> runOne(NgSpice spice, Path netlist) throws IOException {
        if (!Files.isRegularFile(netlist) || !Files.isReadable(netlist)) {
            throw new IOException("cannot read netlist file " + netlist);
        }
        List<String> lines = prepare(netlist);
        boolean hasControl = lines.stream().anyMatch(l -> CONTROL.matcher(l).matches());
        spice.loadCircuit(lines); // a .control block runs here
        if (!hasControl) {
            spice.run();
        }
        String stem = netlist.getFileName().toString().replaceFirst("\\.[^.]*$", "");
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
            AtomicFiles.write(csv, w -> VectorCsv.write(w, vectors));
            written.add(csv.toString());
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
     * Reads a netlist: includes resolved against its folder (ngspice would use the working directory),
     * and quit/exit dropped from control blocks (they would end the library for the whole process).
     */
    static List<String> prepare(Path netlist) throws IOException {
        Path dir = netlist.toAbsolutePath().getParent();
        List<String> result = new ArrayList<>();
        boolean inControl = false;
        for (String line : Files.readAllLines(netlist, StandardCharsets.UTF_8)) {
            if (CONTROL.matcher(line).matches()) {
                inControl = true;
            } else if (ENDC.matcher(line).matches()) {
                inControl = false;
            } else if (inControl && QUIT.matcher(line).matches()) {
                continue;
            }
            Matcher m = INCLUDE.matcher(line);
            if (m.matches() && !Path.of(m.group(3)).isAbsolute()) {
                line = m.group(1) + m.group(2) + dir.resolve(m.group(3)).normalize() + m.group(4) + m.group(5);
            }
            result.add(line);
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("empty netlist file " + netlist);
        }
        return result;
    }
}
