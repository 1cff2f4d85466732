package org.kljn.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a resumable batch was computed from, in a form that cannot drift from the settings themselves: the canonical
 * text of a typed value is derived from all of its parts by reflection (every component of a record, every element
 * of a list), so that a setting added to a settings record is part of what a resume checks without anyone listing
 * it. A {@link Path} stands for its file's content (SHA-256), not its name: an edited file a batch reads changes the
 * fingerprint; a moved one does not. A type it cannot render faithfully (an object whose {@code toString} may be
 * its identity) is refused, so nothing is silently left out.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** A value whose canonical text is given by itself (a lazy list of a million values: its formula). */
    public interface Canonical {
        String canonical();
    }

    /** The SHA-256 (hex) of {@code value}'s canonical text. */
    public static String hash(Object value) {
        return sha256(canonical(value).getBytes(StandardCharsets.UTF_8));
    }

    /** Each component of {@code settings} by name, as canonical text, in declaration order. */
    public static Map<String, String> components(Record settings) {
        Map<String, String> m = new LinkedHashMap<>();
        for (RecordComponent c : settings.getClass().getRecordComponents()) {
            m.put(c.getName(), canonical(value(c, settings)));
        }
        return m;
    }

    /**
     * The canonical text of a value: records as {@code Name[a=..., b=...]}, doubles exactly
     * ({@link Double#toString}), enums by name, strings quoted, lists, arrays and maps element by element, a path as
     * the SHA-256 of its file's content.
     *
     * @throws IllegalArgumentException for a type without a faithful canonical text
     */
    public static String canonical(Object value) {
        StringBuilder b = new StringBuilder();
        append(b, value);
        return b.toString();
    }

    private static void append(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Canonical c) {
            b.append(c.canonical());
        } else if (v instanceof String s) {
            b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Long
                || v instanceof Short || v instanceof Byte || v instanceof Boolean || v instanceof Character) {
            b.append(v);
        } else if (v instanceof Enum<?> e) {
            b.append(e.name());
        } else if (v instanceof Path p) {
            b.append("file-sha256:").append(contentHash(p));
        } else if (v instanceof Record r) {
            b.append(r.getClass().getSimpleName()).append('[');
            RecordComponent[] cs = r.getClass().getRecordComponents();
            for (int i = 0; i < cs.length; i++) {
                b.append(i == 0 ? "" : ", ").append(cs[i].getName()).append('=');
                append(b, value(cs[i], r));
            }
            b.append(']');
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object o : c) {
                b.append(first ? "" : ", ");
                append(b, o);
                first = false;
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> m) {
            // keys in their canonical order, so that a hash map's iteration order does not matter
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, val) -> sorted.put(canonical(k), val));
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                b.append(first ? "" : ", ").append(e.getKey()).append('=');
                append(b, e.getValue());
                first = false;
            }
            b.append('}');
        } else if (v.getClass().isArray()) {
            b.append('[');
            for (int i = 0; i < Array.getLength(v); i++) {
                b.append(i == 0 ? "" : ", ");
                append(b, Array.get(v, i));
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("no canonical text for a " + v.getClass().getName()
                    + ": make it a record, or implement Fingerprint.Canonical");
        }
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            var accessor = c.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }

    /** The SHA-256 (hex) of a file's content. */
    public static String contentHash(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = digest();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(AtomicFiles.named("cannot read " + file, e));
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
