package io.meterhub.model.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.signing.SignatureVectors.Vector;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSignerTest {

    static List<Vector> vectors() {
        return SignatureVectors.all();
    }

    @Test
    void fixturesHoldEveryVector() {
        assertThat(SignatureVectors.vectors(SignatureVectors.GIVEN)).hasSize(10);
        assertThat(SignatureVectors.vectors(SignatureVectors.EXTRA)).hasSizeGreaterThanOrEqualTo(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signsTheSameTextAsCeilometer(Vector v) {
        assertThat(SigningInput.text(v.input())).isEqualTo(v.canonical());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void computesCeilometersSignature(Vector v) {
        assertThat(MessageSigner.compute(v.input(), v.secret())).isEqualTo(v.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifiesTheMessageOnceSigned(Vector v) {
        ObjectNode signed = signed(v);

        assertThat(MessageSigner.verify(signed, v.secret())).isTrue();
        if (!v.secret().isEmpty()) {
            assertThat(MessageSigner.verify(signed, v.secret() + "x")).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signatureSurvivesReserialisationByJackson(Vector v) throws Exception {
        JsonNode again = Json.mapper().readTree(Json.mapper().writeValueAsBytes(v.input()));

        assertThat(MessageSigner.compute(again, v.secret())).isEqualTo(v.signature());
    }

    @Test
    void emptySecretSignsNothingAndVerifiesEverything() {
        ObjectNode m = message();
        m.put(MessageSigner.SIGNATURE_FIELD, "anything");

        assertThat(MessageSigner.compute(m, "")).isEmpty();
        assertThat(MessageSigner.compute(m, null)).isEmpty();
        assertThat(MessageSigner.verify(m, "")).isTrue();
        assertThat(MessageSigner.verify(m, null)).isTrue();
    }

    @Test
    void absentSignatureDoesNotVerify() {
        assertThat(MessageSigner.verify(message(), "s")).isFalse();
    }

    @Test
    void signatureThatIsNotAsciiTextDoesNotVerify() {
        // Ceilometer raises here (TypeError, UnicodeEncodeError); refusing is the safe equivalent
        ObjectNode m = message();
        m.putNull(MessageSigner.SIGNATURE_FIELD);
        assertThat(MessageSigner.verify(m, "s")).isFalse();
        m.put(MessageSigner.SIGNATURE_FIELD, 12);
        assertThat(MessageSigner.verify(m, "s")).isFalse();
        m.put(MessageSigner.SIGNATURE_FIELD, MessageSigner.compute(m, "s").replaceFirst(".", "é"));
        assertThat(MessageSigner.verify(m, "s")).isFalse();
    }

    @Test
    void signatureIsComparedExactlyNotCaseInsensitively() {
        ObjectNode m = message();
        String signature = MessageSigner.compute(m, "s");
        m.put(MessageSigner.SIGNATURE_FIELD, signature.toUpperCase(java.util.Locale.ROOT));
        assertThat(signature).isNotEqualTo(signature.toUpperCase(java.util.Locale.ROOT));
        assertThat(MessageSigner.verify(m, "s")).isFalse();
        m.put(MessageSigner.SIGNATURE_FIELD, signature);
        assertThat(MessageSigner.verify(m, "s")).isTrue();
    }

    @Test
    void textPythonCannotEncodeIsNotSignable() {
        ObjectNode m = message();
        m.put("display_name", "broken \uD800 half");

        assertThatThrownBy(() -> MessageSigner.compute(m, "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate U+D800");
        m.put(MessageSigner.SIGNATURE_FIELD, "0".repeat(64));
        assertThat(MessageSigner.verify(m, "s")).isFalse();
    }

    @Test
    void onlyObjectsAreMessages() {
        JsonNode list = Json.mapper().createArrayNode().add(1);

        assertThatThrownBy(() -> MessageSigner.compute(list, "s")).isInstanceOf(IllegalArgumentException.class);
        assertThat(MessageSigner.verify(list, "s")).isFalse();
        assertThat(MessageSigner.verify(null, "s")).isFalse();
    }

    @Test
    void bigDecimalNumbersSignAsThePythonFloatTheyRead() {
        ObjectNode asDouble = message();
        asDouble.put("counter_volume", 0.1);
        ObjectNode asDecimal = message();
        asDecimal.set("counter_volume", DecimalNode.valueOf(new BigDecimal("0.10")));

        assertThat(MessageSigner.compute(asDecimal, "s")).isEqualTo(MessageSigner.compute(asDouble, "s"));
    }

    @Test
    void intAndFloatOfTheSameValueSignDifferently() {
        ObjectNode asInt = message();
        asInt.put("counter_volume", 1);
        ObjectNode asFloat = message();
        asFloat.put("counter_volume", 1.0);

        assertThat(MessageSigner.compute(asInt, "s")).isNotEqualTo(MessageSigner.compute(asFloat, "s"));
    }

    private static ObjectNode signed(Vector v) {
        ObjectNode copy = ((ObjectNode) v.input()).deepCopy();
        copy.put(MessageSigner.SIGNATURE_FIELD, v.signature());
        return copy;
    }

    private static ObjectNode message() {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("counter_name", "cpu");
        m.put("counter_volume", 1);
        m.putObject("resource_metadata").putArray("tags").add("café");
        return m;
    }
}
