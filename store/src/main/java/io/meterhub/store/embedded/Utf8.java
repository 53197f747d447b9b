package io.meterhub.store.embedded;

import java.nio.charset.StandardCharsets;

/**
 * A string's UTF-8 bytes when it holds no surrogate character: the strings whose bytes the JDK's encoder, the BSON
 * driver's and the index keys' order all agree on (the JDK writes an unpaired surrogate as {@code ?}, the driver as
 * its three bytes; a pair sorts differently as UTF-8 than as UTF-16).
 */
public final class Utf8 {

    private Utf8() {}

    /**
     * The UTF-8 bytes of {@code s}, or null when it holds a surrogate. An ASCII string, nearly every one meterhub
     * writes, is told by the JDK's vectorized copy and compare (its bytes read as Latin-1 are the string itself), where
     * a Java loop over each char made rendering a feed entry 5-10% dearer (bench/README.md, "ASCII strings told by the
     * JDK"); any other string is looked at char by char.
     */
    public static byte[] withoutSurrogates(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == s.length() && s.equals(new String(utf8, StandardCharsets.ISO_8859_1))) {
            return utf8;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return null;
            }
        }
        return utf8;
    }
}
