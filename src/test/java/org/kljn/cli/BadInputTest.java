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
            "analyze --cable ladder --cc 1u --sections 0 | 1 | --sections must be at least 1",
            "analyze --cable ladder --rc 1k --cc 10u --sections 2 --bandwidth 100k | 1 | sections cannot resolve this line",
            "analyze --cable subckt                 | 1 | --subckt: the subckt cable model needs a SPICE file",
            "analyze --beta 0                       | 1 | --beta: '0' is out of range: allowed a number 0 < β <= 1000, or one of eq11, null, minimax",
            "analyze --beta 1e9                     | 1 | --beta: '1e9' is out of range",
            "analyze --beta sometimes               | 1 | --beta: cannot read 'sometimes'",
            "analyze --preset cat5                  | 1 | --preset and --length go together",
            "analyze --preset fibre --length 1k     | 1 | --preset: unknown cable 'fibre'",
            "analyze --alice X                      | 2 | --alice",
            "analyze --points 10                    | 1 | sweep points must be 4m+1",
            "analyze --bit-samples 0                | 1 | --bit-samples: the bit length M in Nyquist samples must be at least 1, got 0",
            "attack --bits 0                        | 1 | --bits 0: allowed 1 to 10000000",
            "attack --bit-samples 1                 | 1 | --bit-samples 1: allowed at least 2",
            "attack --noise pink                    | 1 | --noise pink: allowed java or trnoise",
            "attack --oversampling 1                | 1 | --oversampling must be between 2 and 64",
            "attack --cable ltra --cc 100n --lc 1m  | 1 | LTRA fails in transient",
            "crosscheck --cable subckt --subckt netlists/twisted-pair.lib --subckt-name twisted_pair | 1 | crosscheck needs the cable's series resistance",
            "analyze --cable subckt --subckt nowhere.lib --subckt-name x | 1 | --subckt: cannot read file nowhere.lib",
            "analyze --cable subckt --subckt netlists/twisted-pair.lib --subckt-name three_port | 1 | has 3 ports",
            "analyze --cable subckt --subckt netlists/twisted-pair.lib --subckt-name nope | 1 | no .subckt nope",
            "analyze --unknown-option 3             | 2 | Unknown option",
            "sweep nowhere.spec --out x.csv         | 1 | nowhere.spec",
            "merge --out m.csv nowhere.csv          | 1 | nowhere.csv",
            "nosuchcommand                          | 2 | nosuchcommand"})
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
    }
}
