package org.kljn.circuit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kljn.ngspice.NgSpice;
import org.kljn.ngspice.SpiceVector;
import org.kljn.testing.NgSpiceExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated netlist runs unchanged in the ngspice program and gives the bridge's AC numbers. */
@ExtendWith(NgSpiceExtension.class)
class NetlistInNgspiceProgramTest {

    /** Complex vectors of an ASCII raw file (SPICE_ASCIIRAWFILE=1): name -> [re[], im[]]. */
    static Map<String, double[][]> readAsciiRaw(Path raw) throws IOException {
        List<String> lines = Files.readAllLines(raw);
        int nVars = 0;
        int nPoints = 0;
        int i = 0;
        List<String> names = new java.util.ArrayList<>();
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("No. Variables:")) {
                nVars = Integer.parseInt(l.substring(14).strip());
            } else if (l.startsWith("No. Points:")) {
                nPoints = Integer.parseInt(l.substring(11).strip());
            } else if (l.startsWith("Variables:")) {
                for (int v = 0; v < nVars; v++) {
                    names.add(lines.get(i + 1 + v).strip().split("\\s+")[1]);
                }
            } else if (l.startsWith("Values:")) {
                i++;
                break;
            }
        }
        Map<String, double[][]> out = new HashMap<>();
        for (String n : names) {
            out.put(n, new double[][] {new double[nPoints], new double[nPoints]});
        }
        for (int p = 0; p < nPoints; p++) {
            for (int v = 0; v < nVars; v++) {
                String[] cols = lines.get(i++).strip().split("\\s+");
                String[] reIm = cols[cols.length - 1].split(",");
                out.get(names.get(v))[0][p] = Double.parseDouble(reIm[0]);
                out.get(names.get(v))[1][p] = Double.parseDouble(reIm[1]);
            }
        }
        return out;
    }

    @Test
    void acNetlistsGiveTheSameNumbersInTheNgspiceProgram(@TempDir Path dir, NgSpice spice) throws Exception {
        List<LineModel> lines = List.of(new LumpedLine(100), new RcLadder(200, 100e-9, 5),
                new UniformRcLine(200, 100e-9, 10), new LossyLine(200, 1e-3, 0, 100e-9));
        for (LineModel line : lines) {
            KljnLoop loop = KljnLoop.secure(new ResistorPair(1e3, 10e3), Resistor.L, line);
            List<String> netlist = NetlistWriter.ac(loop, 0, 1, 9, line.singularAtDc() ? 1e-3 : 0, 10e3);
            Path cir = dir.resolve(line.kind() + ".cir");
            Path raw = dir.resolve(line.kind() + ".raw");
            Files.write(cir, netlist);
            ProcessBuilder pb = new ProcessBuilder("ngspice", "-b", "-r", raw.toString(), cir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve(line.kind() + ".log").toFile());
            pb.environment().put("SPICE_ASCIIRAWFILE", "1");
            Process p = pb.start();
            assertTrue(p.waitFor(20, TimeUnit.MINUTES), "ngspice program finished");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve(line.kind() + ".log")));
            Map<String, double[][]> program = readAsciiRaw(raw);

            spice.loadCircuit(netlist);
            spice.run();
            for (String[] names : new String[][] {{"a", "v(a)"}, {"b", "v(b)"}, {"via#branch", "i(via)"},
                    {"vib#branch", "i(vib)"}}) {
                SpiceVector bridge = spice.vector(names[0]);
                double[][] prog = program.get(names[1]);
                assertEquals(bridge.length(), prog[0].length, line.kind() + " " + names[1]);
                for (int k = 0; k < bridge.length(); k++) {
                    double scale = Math.hypot(bridge.real(k), bridge.imag(k));
                    // the raw file prints 16 significant digits
                    assertEquals(bridge.real(k), prog[0][k], 1e-13 * scale, line.kind() + " Re " + names[1]);
                    assertEquals(bridge.imag(k), prog[1][k], 1e-13 * scale, line.kind() + " Im " + names[1]);
                }
            }
        }
    }
}
