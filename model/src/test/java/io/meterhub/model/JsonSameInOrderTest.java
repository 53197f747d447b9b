package io.meterhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@link Json#sameInOrder}: equal as Jackson has it, and with every object's fields in the same order. */
class JsonSameInOrderTest {

    private static ObjectNode metadata() {
        ObjectNode md = Json.mapper().createObjectNode();
        md.put("a", 1).put("b", "two").putNull("n");
        md.putObject("c").put("d", 4.5).putArray("e").add(1).add("x");
        return md;
    }

    @Test
    void equalValuesInTheSameOrderAreTheSameWhetherSharedOrCopied() {
        ObjectNode md = metadata();
        assertThat(Json.sameInOrder(md, md)).isTrue();
        assertThat(Json.sameInOrder(md, md.deepCopy())).isTrue();
        assertThat(Json.sameInOrder(md, metadata())).isTrue();
        assertThat(Json.sameInOrder(null, null)).isTrue();
    }

    @Test
    void fieldsInAnotherOrderAtAnyDepthAreNot() {
        ObjectNode md = metadata();
        ObjectNode top = Json.mapper().createObjectNode();
        top.put("b", "two").put("a", 1).putNull("n");
        top.set("c", md.get("c"));
        assertThat(top).as("Jackson's equality ignores the order").isEqualTo(md);
        assertThat(Json.sameInOrder(md, top)).isFalse();

        ObjectNode deep = md.deepCopy();
        ObjectNode c = Json.mapper().createObjectNode();
        c.set("e", md.get("c").get("e"));
        c.put("d", 4.5);
        deep.set("c", c);
        assertThat(Json.sameInOrder(md, deep)).isFalse();
    }

    @Test
    void differentValuesKindsSizesOrNumberClassesAreNot() {
        ObjectNode md = metadata();
        ObjectNode longA = md.deepCopy().put("a", 1L);
        assertThat(Json.sameInOrder(md, longA)).as("an int and a long").isFalse();
        assertThat(Json.sameInOrder(md, md.deepCopy().put("b", "three"))).isFalse();
        assertThat(Json.sameInOrder(md, md.deepCopy().put("extra", true))).isFalse();
        ObjectNode array = md.deepCopy();
        array.with("c").withArray("e").add(2);
        assertThat(Json.sameInOrder(md, array)).isFalse();
        assertThat(Json.sameInOrder(md, Json.mapper().createArrayNode())).isFalse();
        assertThat(Json.sameInOrder(md, null)).isFalse();
        assertThat(Json.sameInOrder(null, md)).isFalse();
    }
}
