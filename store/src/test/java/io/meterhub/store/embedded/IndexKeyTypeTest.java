package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unique-index keys held compact ({@link StringKeys}, {@link IndexKeyType}) are stored and ordered exactly as their
 * {@link KeyValue}s were ({@link KeyValueType}), so files written before and after read the same.
 */
class IndexKeyTypeTest {

    /** Strings across UTF-8's lengths, the BMP's top (above the surrogates), beyond the BMP, prefixes of each other. */
    private static final List<String> STRINGS = List.of(
            "",
            "a",
            "ab",
            "abc",
            "b",
            "0190e6b2-7c4d-8a3f-9b21-4c5d6e7f8091",
            "0190e6b2-7c4d-8a3f-9b21-4c5d6e7f8092",
            "urn:uuid:1c898033-077b-56d6-a308-f749058f11ab",
            "\u007f",
            "\u0080",
            "é",
            "naïve",
            "\u07ff",
            "\u0800",
            "\ud7ff",
            "\ue000",
            "\ufb01",
            "\uffff",
            "x\uffff",
            "\uD83D\uDE00",
            "x\uD83D\uDE00",
            "\uD800\uDC00");

    private static List<KeyValue> keys() {
        List<KeyValue> keys = new ArrayList<>();
        STRINGS.forEach(s -> keys.add(new KeyValue(List.of(s))));
        keys.add(new KeyValue(List.of(42L)));
        keys.add(new KeyValue(List.of(true)));
        keys.add(new KeyValue(List.of(2.5)));
        keys.add(new KeyValue(List.of(Missing.getInstance())));
        keys.add(new KeyValue(List.of("a", 1L)));
        keys.add(new KeyValue(List.of("ab", "c")));
        return keys;
    }

    private static byte[] written(BasicWriter writer) {
        WriteBuffer out = new WriteBuffer(16);
        writer.write(out);
        ByteBuffer buffer = out.getBuffer().flip();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private interface BasicWriter {
        void write(WriteBuffer out);
    }

    @Test
    void aStringWithoutSurrogatesIsHeldAsItsBytesAndAnyOtherKeyAsItsKeyValue() {
        assertThat(StringKeys.keyOf(new KeyValue(List.of("naïve"))))
                .isEqualTo("naïve".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(StringKeys.keyOf((Object) "\ufb01")).isInstanceOf(byte[].class);
        assertThat(StringKeys.keyOf(new KeyValue(List.of("x\uD83D\uDE00")))).isInstanceOf(KeyValue.class);
        assertThat(StringKeys.keyOf((Object) "\uD800 unpaired")).isInstanceOf(KeyValue.class);
        assertThat(StringKeys.keyOf(new KeyValue(List.of("a", 1L)))).isInstanceOf(KeyValue.class);
        assertThat(StringKeys.keyOf((Object) 3))
                .as("normalized as the library keys numbers")
                .isEqualTo(new KeyValue(List.of(3)).normalized());
    }

    @Test
    void everyKeyIsWrittenAsItsKeyValueWasAndReadsBackInTheSameForm() {
        for (KeyValue key : keys()) {
            Object held = StringKeys.keyOf(key);
            byte[] before = written(out -> KeyValueType.INSTANCE.write(out, key));
            byte[] now = written(out -> IndexKeyType.INSTANCE.write(out, held));
            assertThat(now).as("%s", key).isEqualTo(before);

            ByteBuffer in = ByteBuffer.wrap(now);
            Object read = IndexKeyType.INSTANCE.read(in);
            assertThat(in.remaining()).as("read whole: %s", key).isZero();
            assertThat(read.getClass()).as("%s", key).isEqualTo(held.getClass());
            assertThat(StringKeys.keyValue(read)).as("%s", key).isEqualTo(key);
            assertThat(IndexKeyType.INSTANCE.compare(read, held)).isZero();
        }
    }

    @Test
    void keysAreOrderedAsTheirKeyValuesWereWhateverFormEachIsHeldIn() {
        for (KeyValue a : keys()) {
            for (KeyValue b : keys()) {
                int before = Integer.signum(KeyValueType.INSTANCE.compare(a, b));
                assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(StringKeys.keyOf(a), StringKeys.keyOf(b))))
                        .as("%s vs %s", a, b)
                        .isEqualTo(before);
                assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(StringKeys.keyOf(a), b)))
                        .as("%s vs %s as a KeyValue", a, b)
                        .isEqualTo(before);
            }
        }
    }

    @Test
    void anIndexMapWrittenWithKeyValuesReadsTheSameKeysInTheSameOrder(@TempDir Path dir) {
        String file = dir.resolve("keys.mv.db").toString();
        List<KeyValue> keys = keys();
        MVStore before = new MVStore.Builder().fileName(file).open();
        MVMap<KeyValue, Object> written =
                before.openMap("index", new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
        for (int i = 0; i < keys.size(); i++) {
            written.put(keys.get(i), (long) i);
        }
        List<KeyValue> order = new ArrayList<>(written.keySet());
        before.close();

        MVStore after = new MVStore.Builder().fileName(file).open();
        try {
            MVMap<Object, Object> read =
                    after.openMap("index", new MVMap.Builder<Object, Object>().keyType(IndexKeyType.INSTANCE));
            for (int i = 0; i < keys.size(); i++) {
                assertThat(read.get(StringKeys.keyOf(keys.get(i))))
                        .as("%s", keys.get(i))
                        .isEqualTo((long) i);
            }
            assertThat(read.keySet().stream().map(StringKeys::keyValue).toList())
                    .isEqualTo(order);
            assertThat(read.putIfAbsent(StringKeys.keyOf((Object) "ab"), 99L)).isEqualTo((long) STRINGS.indexOf("ab"));
        } finally {
            after.close();
        }
    }
}
