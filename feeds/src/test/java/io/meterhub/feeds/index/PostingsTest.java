package io.meterhub.feeds.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostingsTest {

    @Test
    void keysAreTheNormalizedTermAndTheZeroPaddedBlock() {
        assertThat(Postings.key(Postings.normalize("Compute.Instance.Exists"), 7))
                .isEqualTo("compute.instance.exists\u001f0000000007");
        assertThat(Postings.block(Postings.BLOCK_SIZE - 1)).isZero();
        assertThat(Postings.block(Postings.BLOCK_SIZE)).isEqualTo(1);
        assertThat(Postings.firstOf(3)).isEqualTo(3L * Postings.BLOCK_SIZE);
    }

    @Test
    void bitmapsSurviveTheirStoredForm() {
        long[] words = new long[Postings.WORDS];
        long block = 5;
        long[] seqs = {
            Postings.firstOf(block),
            Postings.firstOf(block) + 63,
            Postings.firstOf(block) + 64,
            Postings.firstOf(block) + Postings.BLOCK_SIZE - 1
        };
        for (long s : seqs) {
            Postings.set(words, s);
        }

        long[] back = Postings.fromBytes(Postings.toBytes(words));

        assertThat(back).isEqualTo(words);
        assertThat(back[0]).isEqualTo(1L | (1L << 63));
        assertThat(back[1]).isEqualTo(1L);
        assertThat(back[Postings.WORDS - 1]).isEqualTo(1L << 63);
        assertThat(Postings.fromBytes(null)).containsOnly(0L);
    }

    @Test
    void keysAreTheTermAndTheBlockZeroPaddedToTenDigits() {
        for (long block :
                new long[] {0, 1, 9, 10, 99_999, 1_234_567_890L, 9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE}) {
            assertThat(Postings.key("event:compute.instance.exists", block))
                    .isEqualTo("event:compute.instance.exists\u001f"
                            + String.format(java.util.Locale.ROOT, "%010d", block));
        }
        assertThat(Postings.key("t", 42)).isEqualTo("t\u001f0000000042");
    }
}
