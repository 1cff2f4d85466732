package org.kljn.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input is rejected before anything runs, with a message naming the option and the value, and a
 * non-zero exit status: 1 for a value the command refuses, 2 for a command line picocli cannot parse.
 */
class BadInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "analyze --rl -1k                       | 1 | --rl",
            "analyze --rl 0                         | 1 | --rl must be > 0",
            "analyze --rh nan                       | 1 | --rh: cannot read 'nan'",
            "analyze --teff inf                     | 1 | --teff: cannot read 'inf'",
            "analyze --rc 10x                       | 1 | --rc: cannot read '10x'",
            "analyze --bandwidth 1kHzz              | 1 | --bandwidth: cannot read '1kHzz'",
            "analyze --rl 10k --rh 10k              | 1 | --rl and --rh must differ",
            "analyze --rl 20k --rh 10k              | 1 | must be smaller than --rh",
            "analyze --rc -5                        | 1 | --rc must be >= 0",
            "analyze --cable coax                   | 1 | --cable: unknown model 'coax'",
            "analyze --cable ladder --rc 100        | 1 | --cc: the ladder cable model needs the cable capacitance C_c",
            "analyze --cable ladder --cc 1u --sections 0 | 1 | --sections must be at least 1, got 0",
            "analyze --cable ladder --cc 1u --sections 1000000 | 1 | --sections: the number of line sections 1000000: allowed 1 to 2000",
            "analyze --cable urc --cc 1u --sections 60 | 1 | --sections: the number of line sections 60: allowed 1 to 50",
            "analyze --cable ladder --rc 1k --cc 10u --sections 2 --bandwidth 100k | 1 | sections cannot resolve this line",
            "analyze --cable subckt                 | 1 | --subckt: the subckt cable model needs a SPICE file",
            "analyze --beta 0                       | 1 | --beta: '0' is out of range: allowed a number 0 < β <= 1000, or one of eq11, null, minimax",
            "analyze --beta 1e9                     | 1 | --beta: '1e9' is out of range",
            "analyze --beta sometimes               | 1 | --beta: cannot read 'sometimes'",
            "analyze --preset cat5                  | 1 | --preset cat5 needs --length (the cable length in metres",
            "analyze --length 500                   | 1 | --length 500 needs --preset",
            "analyze --preset fibre --length 1k     | 1 | --preset: unknown cable 'fibre'",
            "analyze --alice X                      | 2 | --alice",
            "analyze --points 10                    | 1 | sweep points must be 4m+1",
            "analyze --points 100000001             | 1 | sweep points must be 4m+1 >= 5 and at most 1000001, got 100000001",
            "analyze --bit-samples 1                | 1 | --bit-samples: the bit length M in Nyquist samples 1: allowed 2 to 10000000",
            "analyze --bit-duration 0.0101          | 1 | --bit-duration 0.0101: allowed a whole number of Nyquist intervals 1/(2 bandwidth) = 0.000500000 s (this is 20.2000 of them)",
            "analyze --bit-duration -1              | 1 | --bit-duration -1.0: allowed a positive number of seconds",
            "attack --bit-samples 10 --bit-duration 0.005 | 1 | --bit-samples 10 and --bit-duration 0.005: give one of them",
            "attack --bits 0                        | 1 | --bits 0: allowed 1 to 10000000",
            "attack --key-rate 5000                 | 1 | --key-rate 5000.0 bit/s: above what the band allows: at most 1000 raw bits per second",
            "analyze --bit-duration 0.0005          | 1 | --bit-duration 5.0E-4: shorter than two Nyquist samples: allowed at least 1/bandwidth = 0.001 s",
            "analyze --key-rate 1001                | 1 | --key-rate 1001.0 bit/s: above what the band allows",
            "analyze --key-rate 100 --bit-samples 4 | 1 | --bit-samples 4 and --key-rate 100.0: give one of them",
            "analyze --reconciliation 1.5           | 1 | --reconciliation 1.5: allowed a reconciliation efficiency in (0, 1]",
            "defend --reconciliation 0              | 1 | --reconciliation 0.0: allowed a reconciliation efficiency in (0, 1]",
            "defend --bit-duration 0.0004           | 1 | --bit-duration 4.0E-4: shorter than two Nyquist samples",
            "defend --bit-samples 300               | 1 | a bit of 300 Nyquist samples has no key rate here: allowed 2 to 256",
            "map --preset cat5 --key-rate 50        | 1 | --key-rate 50.0 bit/s: above what the band allows: at most 10 raw bits per second over a 10 Hz band",
            "map --preset cat5 --reconciliation -1  | 1 | --reconciliation -1.0: allowed a reconciliation efficiency in (0, 1]",
            "map --preset cat5 --metric speed       | 1 | --metric speed: allowed key-rate or success",
            "map --preset cat5 --metric success --bit-duration 1 | 1 | --bit-duration sets one bit duration for every band: allowed with --metric key-rate",
            "attack --bit-samples 1                 | 1 | --bit-samples 1: allowed 2 to 10000000",
            "attack --bit-samples 2000000000       | 1 | --bit-samples 2000000000: allowed 2 to 10000000",
            "attack --bits 100000 --bit-samples 100000 | 1 | noise grid points; at most 2e+09",
            "attack --guard -5                      | 1 | --guard -5.0: must be a finite number of seconds >= 0",
            "attack --guard NaN                     | 1 | --guard NaN: must be a finite number",
            "attack --guard Infinity                | 1 | --guard Infinity: must be a finite number",
            "attack --guard 1e6                     | 1 | noise grid points; at most 2e+09",
            "analyze --rc 10kk                      | 1 | --rc: cannot read '10kk'",
            "analyze --cable lumped --sections 7    | 1 | --sections 7: the lumped model has no sections, so it would be ignored",
            "analyze --teff 1e200                   | 1 | --teff: the noise temperature T_eff 1.0e200 K: allowed 0.001 to 1.0e30 K",
            "analyze --teff 1e-300                  | 1 | --teff: the noise temperature T_eff 1.0e-300 K: allowed 0.001 to 1.0e30 K",
            "analyze --rl 1e-300 --rh 1e300         | 1 | --rl: the low resistor R_L 1.0e-300 ohm: allowed 0.001 to 1.0e15 ohm (ngspice sets smaller resistances to 1 mOhm",
            "analyze --cable ltra --cc 100n --bandwidth 1t | 1 | --points: the band integrals' error bound is 6.7e-02 of their scale, above the tolerance 1e-03",
            "netlist --analysis tran --duration -1  | 1 | transient stop time (--duration) must be a positive finite number (or zero for a start), got -1.0",
            "netlist --points -3                    | 1 | --points: the number of AC sweep points -3: allowed 2 to 1000001",
            "netlist --analysis tran --duration Infinity | 1 | --duration) must be a positive finite number (or zero for a start), got Infinity",
            "netlist --analysis tran --beta 0       | 1 | --beta 0.0: allowed a number in (0, 1000]",
            "run --timeout 0 x.cir                  | 2 | --timeout 0.0: must be a number of seconds in (0, 86400]",
            "run --timeout 5 --in-process x.cir     | 2 | --timeout needs the worker JVM",
            "attack --noise pink                    | 1 | --noise pink: allowed java or trnoise",
            "attack --oversampling 65               | 1 | --oversampling 65: allowed auto or an integer from 1 to 64",
            "attack --oversampling many             | 1 | --oversampling many: allowed auto or an integer from 1 to 64",
            "attack --steps-per-sample 0            | 1 | --steps-per-sample 0: allowed auto or an integer from 1 to 256",
            "attack --jobs -1                       | 1 | --jobs -1: allowed 1 to 64 (0 = one per core)",
            "attack --accuracy exact                | 1 | --accuracy exact: allowed distributions, moments or fir",
            "attack --cable ladder --cc 100n --accuracy moments --steps-per-sample 4 | 1 | --steps-per-sample 4 needs --accuracy fir",
            "attack --cable ltra --cc 100n --lc 1m  | 1 | LTRA fails in transient",
            "crosscheck --cable subckt --subckt netlists/twisted-pair.lib --subckt-name twisted_pair | 1 | crosscheck needs the cable's series resistance",
            "analyze --cable subckt --subckt nowhere.lib --subckt-name x | 1 | --subckt: cannot read file nowhere.lib",
            "analyze --cable subckt --subckt netlists/twisted-pair.lib --subckt-name three_port | 1 | has 3 ports",
            "analyze --cable subckt --subckt netlists/twisted-pair.lib --subckt-name nope | 1 | no .subckt nope",
            "analyze --unknown-option 3             | 2 | Unknown option",
            "sweep nowhere.spec --out x.csv         | 1 | nowhere.spec: no such file",
            "merge --out m.csv nowhere.csv          | 1 | nowhere.csv: no such file",
            "nosuchcommand                          | 2 | nosuchcommand",
            // the main job takes the user's loop and line, with the commands' rules, before anything runs
            "--rl 20k --rh 10k                      | 1 | --rl (20k) must be smaller than --rh (10k)",
            "--length 500m                          | 1 | --length: '500m': lengths are in metres: write 500",
            "--preset cat9                          | 1 | --preset: unknown cable 'cat9'",
            "--sections 2 --bandwidth 100k          | 1 | use 5 sections or more",
            "--teff 1e200                           | 1 | --teff",
            "--rl 10k --rh 10k                      | 1 | --rl and --rh must differ",
            // map checks R_L, R_H and T_eff with the same helper (LoopOptions.resistorPair, temperature)
            "map --preset cat5 --rl 10k --rh 10k    | 1 | --rl and --rh must differ",
            "map --preset cat5 --rl 20k --rh 10k    | 1 | --rl (20k) must be smaller than --rh (10k)",
            "map --preset cat5 --teff 1e200         | 1 | --teff"})
    void isRejectedWithTheOptionAndValue(String commandLine, int status, String expected, @TempDir Path dir) {
        String[] args = commandLine.strip().split("\\s+");
        for (int i = 0; i < args.length; i++) {
            if (args[i].endsWith(".csv") && !args[i].startsWith("nowhere")) {
                args[i] = dir.resolve(args[i]).toString();
            }
        }
        RunCommandTest.Result r = RunCommandTest.kljn(args);
        assertEquals(status, r.status(), "exit status of '" + commandLine + "': " + r.err() + r.out());
        assertTrue(r.err().contains(expected), "'" + commandLine + "' should say \"" + expected + "\" but said: " + r.err());
        try (java.util.stream.Stream<Path> written = java.nio.file.Files.list(dir)) {
            assertEquals(java.util.List.of(), written.toList(), "a refused command writes nothing");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
