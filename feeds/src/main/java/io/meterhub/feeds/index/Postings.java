package io.meterhub.feeds.index;

import io.meterhub.model.ZeroPadded;
import java.util.Locale;

/**
 * The layout of the category index. Sequence numbers are grouped in blocks of {@value #BLOCK_SIZE}; for each
 * category term and block one document keyed {@code <term>\u001f<block, 10 digits>} holds a bitmap of the block's
 * entries with that category, as {@value #WORDS} longs (bit {@code i} of word {@code w} is sequence
 * {@code block * BLOCK_SIZE + w * 64 + i}). Every read is an {@code _id $in} of computable keys, which the embedded
 * store answers from its unique {@code _id} index at any size; a category's block is one small binary value however
 * many entries it holds.
 */
public final class Postings {

    /** Sequence numbers per block. */
    public static final int BLOCK_SIZE = 4096;
    /** 64-bit words per block bitmap. */
    public static final int WORDS = BLOCK_SIZE / 64;
    /** The field of a postings document holding the bitmap (a BSON binary of {@code WORDS * 8} bytes). */
    public static final String BITS = "bits";

    private static final char SEPARATOR = '\u001f';

    private Postings() {}

    /** Category terms are matched without regard to case, as Atom Hopper matches them. */
    public static String normalize(String term) {
        return term.toLowerCase(Locale.ROOT);
    }

    public static long block(long seq) {
        return seq / BLOCK_SIZE;
    }

    /** The {@code _id} of a term's postings in a block; the term must be normalized. */
    public static String key(String normalizedTerm, long block) {
        if (block < 0) {
            return normalizedTerm + SEPARATOR + String.format(Locale.ROOT, "%010d", block);
        }
        // without String.format: this runs per term and entry
        StringBuilder out = new StringBuilder(normalizedTerm.length() + 11)
                .append(normalizedTerm)
                .append(SEPARATOR);
        return ZeroPadded.append(out, block, 10).toString();
    }

    /** The first sequence number of a block. */
    public static long firstOf(long block) {
        return block * BLOCK_SIZE;
    }

    /** Sets the bit of {@code seq} in its block's bitmap. */
    public static void set(long[] words, long seq) {
        int offset = (int) (seq % BLOCK_SIZE);
        words[offset >>> 6] |= 1L << (offset & 63);
    }

    public static byte[] toBytes(long[] words) {
        byte[] out = new byte[WORDS * 8];
        for (int w = 0; w < WORDS; w++) {
            long v = words[w];
            for (int b = 0; b < 8; b++) {
                out[w * 8 + b] = (byte) (v >>> (8 * b));
            }
        }
        return out;
    }

    /** The bitmap of a stored value; a missing or short value reads as no entries. */
    public static long[] fromBytes(byte[] bytes) {
        long[] words = new long[WORDS];
        if (bytes == null) {
            return words;
        }
        for (int i = 0; i < Math.min(bytes.length, WORDS * 8); i++) {
            words[i >>> 3] |= (bytes[i] & 0xFFL) << (8 * (i & 7));
        }
        return words;
    }
}
