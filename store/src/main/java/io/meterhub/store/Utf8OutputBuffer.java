package io.meterhub.store;

import java.nio.charset.StandardCharsets;
import org.bson.io.BasicOutputBuffer;

/**
 * The driver's output buffer, writing strings with the JDK's UTF-8 encoder in one copy instead of one virtual call per
 * byte ({@code OutputBuffer.writeCharacters}: a code point at a time, and through {@code String.charAt} range checks
 * for every character of a string that is not Latin-1 — a fifth of the consumer threads' time for the feed entries).
 * The bytes are the driver's: the two encoders differ only for an unpaired surrogate (the JDK writes {@code ?}, the
 * driver the surrogate's three bytes) and a NUL in a name (the driver refuses it); such strings go the driver's way.
 */
final class Utf8OutputBuffer extends BasicOutputBuffer {

    Utf8OutputBuffer(int initialSize) {
        super(initialSize);
    }

    @Override
    protected int writeCharacters(String str, boolean checkForNullCharacters) {
        byte[] utf8 = str.getBytes(StandardCharsets.UTF_8);
        if ((checkForNullCharacters && str.indexOf(0) >= 0) || mayHoldSurrogate(str, utf8)) {
            return super.writeCharacters(str, checkForNullCharacters);
        }
        writeBytes(utf8, 0, utf8.length);
        writeByte(0);
        return utf8.length + 1;
    }

    /**
     * Whether the string may hold a surrogate, whose bytes the JDK and the driver write differently. A string whose
     * UTF-8 bytes, read as Latin-1, are the string itself is ASCII and holds none: that test runs on the JDK's
     * vectorized copy and compare, where a Java loop over each byte made rendering a feed entry 5-10% dearer
     * (bench/README.md, "ASCII strings told by the JDK"). Any other string is looked at char by char.
     */
    private static boolean mayHoldSurrogate(String str, byte[] utf8) {
        if (utf8.length == str.length() && str.equals(new String(utf8, StandardCharsets.ISO_8859_1))) {
            return false;
        }
        return hasSurrogate(str);
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
