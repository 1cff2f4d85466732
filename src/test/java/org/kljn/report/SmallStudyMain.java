package org.kljn.report;

import org.kljn.analysis.study.LineStudy;
import org.kljn.ngspice.NgSpice;

import java.nio.file.Path;

/**
 * The main job on {@link KljnStudyIT#SMALL} through the typed API, as {@code kljn --out DIR} runs the full study:
 * a child JVM of {@link ReportInBrowserIT}, started in a working folder so that {@code DIR} is relative as a user's.
 */
public final class SmallStudyMain {
    private SmallStudyMain() {
    }

    public static void main(String[] args) throws Exception {
        LineStudy.Result study;
        try (NgSpice spice = NgSpice.open()) {
            study = LineStudy.run(spice, KljnStudyIT.SMALL, System.err::println);
        }
        System.out.println(KljnStudy.write(study, Path.of(args[0])));
    }
}
