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
            "analyze --rl 10k --rh 10k              | 1 | --rh: R_L and R_H must differ",
            "analyze --rl 20k --rh 10k              | 1 | --rl: R_L = 20000 ohm must be smaller than R_H = 10000 ohm",
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
            // a preset gives R_c, C_c and L_c: a value typed beside it would be dropped (issue 22 item 4)
            "analyze --cable ltra --preset cat5 --length 500 --rc 50 | 1 | --rc 50: --preset cat5 with --length 500 gives R_c, C_c and L_c itself",
            "defend --cable ltra --preset cat5 --length 500 --cc 1n | 1 | --cc 1n: --preset cat5 with --length 500 gives R_c, C_c and L_c itself",
            "netlist --cable ltra --preset cat5 --length 500 --lc 1m | 1 | --lc 1m: --preset cat5 with --length 500 gives",
            "crosscheck --cable ltra --preset cat5 --length 500 --rc 50 --cc 1n | 1 | --rc 50, --cc 1n: --preset cat5",
            "attack --cable ladder --preset cat5 --length 500 --rc 50 | 1 | --rc 50: --preset cat5 with --length 500 gives",
            "analyze --alice X                      | 2 | --alice",
            "analyze --points 10                    | 1 | sweep points must be 4m+1",
            "analyze --points 100000001             | 1 | sweep points must be 4m+1 >= 5 and at most 1000001, got 100000001",
            "analyze --bit-samples 1                | 1 | --bit-samples: the bit length M in Nyquist samples 1: allowed 2 to 10000000",
            "analyze --bit-duration 0.0101          | 1 | --bit-duration: the bit duration τ 0.0101 s: allowed a whole number of Nyquist intervals 1/(2 bandwidth) = 0.000500000 s (this is 20.2000 of them)",
            "analyze --bit-duration -1              | 1 | --bit-duration: the bit duration τ -1.0 s: allowed a positive number of seconds",
            "attack --bit-samples 10 --bit-duration 0.005 | 1 | --bit-samples 10 and --bit-duration 0.005: give one of them",
            "attack --bits 0                        | 1 | --bits: the number of bit exchanges N 0: allowed 1 to 10000000",
            "attack --bit-samples 1                 | 1 | --bit-samples: the bit length M in Nyquist samples 1: allowed 2 to 10000000",
            "attack --bit-samples 2000000000       | 1 | --bit-samples: the bit length M in Nyquist samples 2000000000: allowed 2 to 10000000",
            "defend --bit-samples 20000000          | 1 | --bit-samples: the bit length M in Nyquist samples 20000000: allowed 2 to 10000000",
            "map --preset cat5 --bit-samples 1      | 1 | --bit-samples: the bit length M in Nyquist samples 1: allowed 2 to 10000000",
            "analyze --bit-duration 0.0005          | 1 | --bit-duration: the bit duration τ 5.0E-4 s: shorter than two Nyquist samples of the band: allowed at least 1/bandwidth = 0.00100000 s",
            "analyze --key-rate 1001                | 1 | --key-rate: the raw bit rate 1/τ 1001.0 bit/s: above what the band allows: at most 1000.00 raw bits per second",
            "analyze --key-rate 0                   | 1 | --key-rate: the raw bit rate 1/τ 0.0 bit/s: allowed a positive raw bit rate",
            "analyze --key-rate 100 --bit-samples 4 | 1 | --bit-samples 4 and --key-rate 100.0: give one of them",
            "analyze --bit-duration soon            | 1 | --bit-duration soon: allowed a number of seconds or 'best'",
            "analyze --reconciliation 1.5           | 1 | --reconciliation: the reconciliation efficiency ξ 1.5: allowed (0, 1]",
            "defend --reconciliation 0              | 1 | --reconciliation: the reconciliation efficiency ξ 0.0: allowed (0, 1]",
            "defend --bit-duration 0.0004           | 1 | --bit-duration: the bit duration τ 4.0E-4 s: shorter than two Nyquist samples",
            "map --preset cat5 --key-rate 50        | 1 | --key-rate: the raw bit rate 1/τ 50.0 bit/s: above what the band allows: at most 10.0000 raw bits per second over a 10.0000 Hz band",
            "map --preset cat5 --reconciliation -1  | 1 | --reconciliation: the reconciliation efficiency ξ -1.0: allowed (0, 1]",
            "map --preset cat5 --metric speed       | 1 | --metric speed: allowed key-rate or success",
            "map --preset cat5 --metric success --bit-duration 1 | 1 | --bit-duration sets one bit duration for every band: allowed with --metric key-rate",
            "map --preset cat5 --metric success --eve-noise-voltage 1e-16 | 1 | --eve-noise-voltage: applies to --metric key-rate",
            "map --preset cat5 --bit-samples 300    | 1 | --bit-samples 300: a bit of 300.0 Nyquist samples at the 10.00 Hz band: allowed 2 to 256",
            "attack --bits 100000 --bit-samples 100000 | 1 | noise grid points; at most 2e+09",
            "attack --guard -5                      | 1 | --guard: the guard interval before each bit -5.0 s: allowed a finite number of seconds >= 0",
            "attack --guard -1                      | 1 | --guard: the guard interval before each bit -1.0 s: allowed a finite number",
            "attack --guard NaN                     | 1 | --guard: the guard interval before each bit NaN s: allowed a finite number",
            "attack --guard Infinity                | 1 | --guard: the guard interval before each bit Infinity s: allowed a finite number",
            "attack --guard 1e6                     | 1 | noise grid points; at most 2e+09",
            "analyze --rc 10kk                      | 1 | --rc: cannot read '10kk'",
            "analyze --cable lumped --sections 7    | 1 | --sections 7: the lumped model has no sections, so it would be ignored",
            "analyze --teff 1e200                   | 1 | --teff: the noise temperature T_eff 1.0e200 K: allowed 0.001 to 1.0e30 K",
            "analyze --teff 1e-300                  | 1 | --teff: the noise temperature T_eff 1.0e-300 K: allowed 0.001 to 1.0e30 K",
            "analyze --rl 1e-300 --rh 1e300         | 1 | --rl: the low resistor R_L 1.0e-300 ohm: allowed 0.001 to 1.0e15 ohm (ngspice sets smaller resistances to 1 mOhm",
            // issue 22 item 5: extreme values are refused by the domain's ranges, in every command
            "analyze --bandwidth 1e-300             | 1 | --bandwidth: the noise bandwidth Δf 1.0e-300 Hz: allowed 1.0e-6 to 1000000000000 Hz",
            "attack --bandwidth 1e13                | 1 | --bandwidth: the noise bandwidth Δf 10000000000000 Hz: allowed 1.0e-6",
            "defend --bandwidth 1e-7                | 1 | --bandwidth: the noise bandwidth Δf 1.0e-7 Hz: allowed 1.0e-6",
            "map --preset cat5 --bandwidths 1e-300,1 | 1 | --bandwidths: the noise bandwidth Δf 1.0e-300 Hz: allowed 1.0e-6",
            "netlist --bandwidth 1e-300             | 1 | --bandwidth: the noise bandwidth Δf 1.0e-300 Hz",
            "defend --rc 1e308                      | 1 | --rc: the cable resistance R_c 1.0e308 ohm: allowed 0 to 1.0e15 ohm",
            "analyze --cable ladder --rc 1e16 --cc 1n | 1 | --rc: the cable resistance R_c 1.0e16 ohm: allowed 0 to 1.0e15 ohm",
            "analyze --cable ltra --rc 1 --cc 1e300 | 1 | --cc: the cable capacitance C_c 1.0e300 F: allowed 0 to 1 F",
            "analyze --cable ltra --rc 1k --cc 100f --bandwidth 0.1 | 1 | --cable: the ltra model loses precision on a line this short electrically",
            "map --preset cat5 --lengths 1,10 --bandwidths 1m,1 | 1 | --lengths and --bandwidths: the ltra model loses precision on a line this short electrically",
            "analyze --cable ltra --cc 100n --bandwidth 1t | 1 | --points: the band integrals' error bound is 6.7e-02 of their scale, above the tolerance 1e-03",
            "netlist --analysis tran --duration -1  | 1 | transient stop time (--duration) must be a positive finite number (or zero for a start), got -1.0",
            "netlist --points -3                    | 1 | --points: the number of AC sweep points -3: allowed 3 to 1000001",
            // ngspice 39.3's .ac lin 2 yields one point
            "netlist --points 2                     | 1 | --points: the number of AC sweep points 2: allowed 3 to 1000001",
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
            "attack --cable ladder --cc 100n --accuracy moments --steps-per-sample 4 | 1 | --steps-per-sample: the solver steps per noise grid interval 4 needs the fir accuracy goal",
            "attack --cable ltra --cc 100n --lc 1m  | 1 | --cable: the ltra model cannot run bit exchanges",
            // issue 22 item 0: an RC LTRA line's transient is biased (a convolution model, not the trapezoidal rule)
            "attack --cable ltra --rc 1.2k --cc 60n | 1 | use the RC ladder of the same R_c and C_c (--cable ladder --sections N",
            "crosscheck --cable subckt --subckt netlists/twisted-pair.lib --subckt-name twisted_pair | 1 | crosscheck needs the cable's series resistance",
            "analyze --cable subckt --subckt nowhere.lib --subckt-name x | 1 | --subckt: cannot read file nowhere.lib",
            "analyze --cable subckt --subckt netlists/twisted-pair.lib --subckt-name three_port | 1 | has 3 ports",
            "analyze --cable subckt --subckt netlists/twisted-pair.lib --subckt-name nope | 1 | no .subckt nope",
            "analyze --unknown-option 3             | 2 | Unknown option",
            "sweep nowhere.spec --out x.csv         | 1 | nowhere.spec: no such file",
            "merge --out m.csv nowhere.csv          | 1 | nowhere.csv: no such file",
            "nosuchcommand                          | 2 | nosuchcommand",
            // the main job takes the user's loop and line, with the commands' rules, before anything runs
            "--rl 20k --rh 10k                      | 1 | --rl: R_L = 20000 ohm must be smaller than R_H = 10000 ohm",
            "--length 500m                          | 1 | --length: '500m': lengths are in metres: write 500",
            "--preset cat9                          | 1 | --preset: unknown cable 'cat9'",
            "--sections 2 --bandwidth 100k          | 1 | use 5 sections or more",
            "--teff 1e200                           | 1 | --teff",
            "--rl 10k --rh 10k                      | 1 | --rh: R_L and R_H must differ",
            // map checks R_L, R_H and T_eff with the same helper (LoopOptions.resistorPair, temperature)
            "map --preset cat5 --rl 10k --rh 10k    | 1 | --rh: R_L and R_H must differ",
            "map --preset cat5 --rl 20k --rh 10k    | 1 | --rl: R_L = 20000 ohm must be smaller than R_H = 10000 ohm",
            "map --preset cat5 --teff 1e200         | 1 | --teff",
            // issue 22: SPICE reads m and M as milli; a resistance or capacitance refuses both, a length refuses milli
            "analyze --rc 1M                        | 1 | --rc: '1M' is ambiguous: SPICE reads the suffix 'M' as milli (0.001), not mega; write 1meg for 1000000, or 0.001 for milli",
            "analyze --rh 2m                        | 1 | --rh: '2m' is ambiguous",
            "analyze --cable ladder --cc 1m         | 1 | --cc: '1m' is ambiguous",
            "--rl 1M --rh 10meg                     | 1 | --rl: '1M' is ambiguous",
            "map --r-per-km 1M --c-per-km 52n       | 1 | --r-per-km: '1M' is ambiguous",
            "map --r-per-km 168 --c-per-km 1m       | 1 | --c-per-km: '1m' is ambiguous",
            "map --preset cat5 --lengths 500m,10k   | 1 | --lengths: '500m': lengths are in metres: write 500",
            // the advice names a section count the model allows, or says none does
            "analyze --cable ladder --rc 100k --cc 100u --sections 2 --bandwidth 1meg | 1 | it would take 7927 sections, more than the ladder model's maximum of 2000: use the exact line (ltra)",
            "sweep netlists/sweep-beta.spec --out x.csv --shard 1/99999999999 | 1 | --shard: '1/99999999999': n must be at most 2147483647 (1 <= i <= n)",
            // an output that cannot be written is refused before the job runs
            "--out /proc/nope                       | 1 | --out /proc/nope: cannot write there",
            "map --preset cat5 --out /proc/nope     | 1 | --out /proc/nope: cannot write there",
            "analyze --report /proc/nope            | 1 | --report /proc/nope: cannot write there",
            "defend --report /proc/nope             | 1 | --report /proc/nope: cannot write there",
            "map --metric success --preset cat5 --report /proc/nope | 1 | --report /proc/nope: cannot write there",
            "map --preset cat5 --report /proc/nope   | 1 | --report /proc/nope: cannot write there",
            "analyze --report pom.xml               | 1 | --report pom.xml: is a file, not a folder; nothing computed",
            "map --metric success --preset cat5 --report pom.xml | 1 | --report pom.xml: is a file, not a folder; nothing computed"})
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
