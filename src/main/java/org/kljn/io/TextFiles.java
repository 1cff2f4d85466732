package org.kljn.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading a user's SPICE text the way ngspice does: bytes, so any 8-bit text, but never a binary file. */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * The text of {@code file}: UTF-8, or Latin-1 when it is not valid UTF-8.
     *
     * @param what the kind of file, for the message ("netlist file")
     * @throws IllegalArgumentException for a file holding a NUL byte (binary), naming it and the offset
     */
    public static String read(Path file, String what) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new IllegalArgumentException(what + " " + file + " is not text (a NUL byte at offset " + i
                        + "); a " + what + " is a text file");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
