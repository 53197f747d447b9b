package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.LastEncoding;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;
import io.meterhub.model.Translation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

/** {@link IngestBson} writes exactly the bytes the driver's codec makes of {@link DocumentMapper}'s documents. */
class IngestBsonTest {

    private static final Instant RECORDED = Instant.parse("2026-11-27T15:20:00.123456Z");
    private static final Instant T = Instant.parse("2026-11-27T15:19:59.987654321Z");

    @Test
    void everyCorpusSampleAndEventIsWrittenAsTheMapperAndCodecWriteIt() {
        int compared = 0;
        int reused = 0;
        for (Translation t : Fixtures.translatedCorpus()) {
            String id = t.source().messageId();
            LastEncoding<byte[]> metadata = IngestBson.metadata(); // as IngestRepository encodes a notification
            byte[] before = null;
            for (Sample s : t.samples()) {
                assertSameBytes(IngestBson.sample(s, id, RECORDED, metadata), DocumentMapper.sample(s, id, RECORDED));
                byte[] now = metadata.of(s.resourceMetadata());
                reused += now == before ? 1 : 0;
                before = now;
                compared++;
            }
            for (Event e : t.events()) {
                assertSameBytes(IngestBson.event(e, RECORDED), DocumentMapper.event(e, RECORDED));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(700);
        assertThat(reused)
                .as("samples whose metadata was encoded for the sample before")
                .isGreaterThan(100);
    }

    @Test
    void metadataIsReusedOnlyWhenItsFieldsAreEqualInTheSameOrder() {
        ObjectNode md = Json.mapper().createObjectNode();
        md.put("a", 1).put("b", "two").putObject("c").put("d", 4.5);
        ObjectNode copy = md.deepCopy();
        ObjectNode reordered = Json.mapper().createObjectNode();
        reordered.put("b", "two").put("a", 1).set("c", md.get("c"));
        ObjectNode other = md.deepCopy();
        other.with("c").put("d", 4.25);
        ObjectNode longValue = Json.mapper().createObjectNode();
        longValue.put("a", 1L).put("b", "two").set("c", md.get("c"));

        LastEncoding<byte[]> metadata = IngestBson.metadata();
        for (ObjectNode each : List.of(md, copy, reordered, other, longValue, md)) {
            Sample s = sample(1L, each);
            assertSameBytes(IngestBson.sample(s, "n-1", RECORDED, metadata), DocumentMapper.sample(s, "n-1", RECORDED));
        }
        Sample none = sample(1L, null);
        assertSameBytes(
                IngestBson.sample(none, "n-1", RECORDED, metadata), DocumentMapper.sample(none, "n-1", RECORDED));
    }

    @Test
    void metadataOfEveryJsonKindNullsAndEachVolumeClassAreWrittenAsTheMapperWritesThem() {
        ObjectNode md = Json.mapper().createObjectNode();
        md.put("text", "ünïcode-ключ-\uD83D\uDE00").put("int", -7).put("long", 1L << 40);
        md.put("huge", new BigInteger("123456789012345678901234567890")).put("decimal", new BigDecimal("1.25"));
        md.put("float", 0.5f).put("double", -0.0).put("true", true).putNull("null");
        md.put("binary", new byte[] {1, 2, 3});
        md.putArray("array").add(1).add("two").addNull().addArray().add(3.5);
        md.putObject("nested").putObject("deeper").putArray("empty");
        for (Number volume :
                new Number[] {null, 1, 2L, (short) 3, (byte) 4, 5.5f, 6.25, new BigInteger("7"), new BigDecimal("8.5")
                }) {
            Sample s = sample(volume, md);
            assertSameBytes(
                    IngestBson.sample(s, "n-1", RECORDED, IngestBson.metadata()),
                    DocumentMapper.sample(s, "n-1", RECORDED));
        }
        Sample bare = new Sample(null, "m", SampleType.GAUGE, null, null, null, null, null, T, null, "id");
        assertSameBytes(
                IngestBson.sample(bare, null, RECORDED, IngestBson.metadata()),
                DocumentMapper.sample(bare, null, RECORDED));
    }

    @Test
    void metadataKeysThatNeedEscapingEvenWhenTheyCollideAreWrittenAsTheMapperWritesThem() {
        ObjectNode md = Json.mapper().createObjectNode();
        md.put("plain", 1);
        md.put("a.b", "dotted").put("a\uFF0Eb", "already escaped").put("$where", "dollar");
        md.putObject("inner").put("x.y", 1).put("x\uFF0Ey", 2).putObject("ok").put("fine", true);
        md.putArray("list").addObject().put("k.k", "v");
        Sample s = sample(1L, md);
        assertSameBytes(
                IngestBson.sample(s, "n-1", RECORDED, IngestBson.metadata()),
                DocumentMapper.sample(s, "n-1", RECORDED));
    }

    @Test
    void traitsOfEveryTypeAreWrittenAsTheMapperWritesThem() {
        List<Trait> traits = new ArrayList<>();
        traits.add(Trait.text("service", "compute.host-1"));
        traits.add(new Trait("count", TraitType.INT, 42L));
        traits.add(new Trait("ratio", TraitType.FLOAT, 0.75));
        traits.add(new Trait("launched_at", TraitType.DATETIME, T));
        traits.add(new Trait("odd", TraitType.INT, 7)); // an Integer: not what Trait's factories make
        Event e = new Event("e-1", "compute.instance.create.end", T, traits);
        assertSameBytes(IngestBson.event(e, RECORDED), DocumentMapper.event(e, RECORDED));
        Event none = new Event("e-2", "identity.authenticate", T, List.of());
        assertSameBytes(IngestBson.event(none, RECORDED), DocumentMapper.event(none, RECORDED));
    }

    private static Sample sample(Number volume, ObjectNode metadata) {
        return new Sample("openstack", "memory", SampleType.GAUGE, "MiB", volume, "u", "p", "r", T, metadata, "s-1");
    }

    private static void assertSameBytes(RawBsonDocument written, org.bson.Document mapped) {
        RawBsonDocument expected = RawDocuments.encode(mapped);
        assertThat(HexFormat.of().formatHex(bytes(written)))
                .as("%s", mapped.toJson())
                .isEqualTo(HexFormat.of().formatHex(bytes(expected)));
    }

    private static byte[] bytes(RawBsonDocument d) {
        var buffer = d.getByteBuffer();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
