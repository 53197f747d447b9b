package io.meterhub.mediation.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimedeltaTraitPluginTest {

    private static final TimedeltaTraitPlugin PLUGIN =
            TimedeltaTraitPlugin.of(new PluginParameters("timedelta", Map.of()));

    private static List<JsonNode> delta(JsonNode... values) {
        return PLUGIN.traitValues(java.util.Arrays.stream(values)
                .map(v -> new JsonPathMatch("p", v))
                .toList());
    }

    private static JsonNode text(String s) {
        return TextNode.valueOf(s);
    }

    @Test
    void givesTheSecondsBetweenTwoTimestampsAsAFloat() {
        assertThat(delta(text("2012-05-08 20:23:41"), text("2012-05-08 20:23:47.985999")))
                .containsExactly(DoubleNode.valueOf(6.985999));
    }

    @Test
    void isAbsolute() {
        assertThat(delta(text("2012-05-08 20:23:47"), text("2012-05-08 20:23:41")))
                .containsExactly(DoubleNode.valueOf(6.0));
    }

    @Test
    void honoursTimeZones() {
        assertThat(delta(text("2015-09-25T10:00:00+02:00"), text("2015-09-25T08:30:00Z")))
                .containsExactly(DoubleNode.valueOf(1800.0));
    }

    @Test
    void timedeltaNeedsExactlyTwoFields() {
        assertThat(delta(text("2012-05-08 20:23:41"))).containsExactly((JsonNode) null);
        assertThat(delta(text("2012-05-08"), text("2012-05-09"), text("2012-05-10")))
                .containsExactly((JsonNode) null);
        assertThat(delta()).containsExactly((JsonNode) null);
    }

    @Test
    void aValueThatIsNoTimestampGivesNone() {
        assertThat(delta(text("yesterday"), text("2012-05-08"))).containsExactly((JsonNode) null);
        assertThat(delta(text(""), text("2012-05-08"))).containsExactly((JsonNode) null);
        assertThat(delta(IntNode.valueOf(5), text("2012-05-08"))).containsExactly((JsonNode) null);
    }

    @Test
    void rejectsSurroundingWhitespaceButOneFinalNewlineAsIso8601Does() {
        assertThat(delta(text(" 2012-05-08"), text("2012-05-09"))).containsExactly((JsonNode) null);
        assertThat(delta(text("2012-05-08 "), text("2012-05-09"))).containsExactly((JsonNode) null);
        assertThat(delta(text("2012-05-08\n"), text("2012-05-09"))).containsExactly(DoubleNode.valueOf(86400.0));
    }

    @Test
    void doesNotSupportReturningAllValues() {
        assertThat(PLUGIN.supportsReturnAllValues()).isFalse();
    }
}
