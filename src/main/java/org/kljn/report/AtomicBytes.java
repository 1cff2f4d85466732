package org.kljn.report;

import java.io.IOException;
import java.nio.file.Path;

/** The binary twin of {@link AtomicFiles#write}: a temporary sibling, then a rename. */
final class AtomicBytes {
    private AtomicBytes() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        AtomicFiles.writeBytes(target, out -> out.write(bytes));
    }
}
