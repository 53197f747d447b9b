package io.meterhub.routes.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.routes.api.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The conversions of Ceilometer's {@code Query._get_value_as_type}, checked against what Python does. */
class QueryValuesTest {

    private static Object guess(String v) {
        return QueryValues.convert(v, null, QueryValues.TYPES);
    }

    private static Object as(String v, String type) {
        return QueryValues.convert(v, type, QueryValues.TYPES);
    }

    @Test
    void guessesPythonLiteralsAndKeepsOtherTextAsItIs() {
        assertThat(guess("42")).isEqualTo(42L);
        assertThat(guess("-7")).isEqualTo(-7L);
        assertThat(guess(" 1_000 ")).isEqualTo(1000L);
        assertThat(guess("0x1f")).isEqualTo(31L);
        assertThat(guess("0o17")).isEqualTo(15L);
        assertThat(guess("0b101")).isEqualTo(5L);
        assertThat(guess("1.5")).isEqualTo(1.5);
        assertThat(guess(".5")).isEqualTo(0.5);
        assertThat(guess("5.")).isEqualTo(5.0);
        assertThat(guess("1e3")).isEqualTo(1000.0);
        assertThat(guess("True")).isEqualTo(true);
        assertThat(guess("False")).isEqualTo(false);
        assertThat(guess("None")).isNull();
        assertThat(guess("'quoted'")).isEqualTo("quoted");
        assertThat(guess("\"a\\tb\"")).isEqualTo("a\tb");
        assertThat(guess("u'x\\u00e9'")).isEqualTo("xé");
        assertThat(guess("r'a\\n'")).isEqualTo("a\\n");
        assertThat(guess("99999999999999999999")).isEqualTo(1.0E20);
        // not literals: the text stays
        assertThat(guess("true")).isEqualTo("true");
        assertThat(guess("m1.tiny")).isEqualTo("m1.tiny");
        assertThat(guess("012")).isEqualTo("012");
        assertThat(guess("1_")).isEqualTo("1_");
        assertThat(guess("inf")).isEqualTo("inf");
        assertThat(guess("--1")).isEqualTo("--1");
        assertThat(guess("'open")).isEqualTo("'open");
        assertThat(guess("'a' 'b'")).isEqualTo("'a' 'b'");
        assertThat(guess("[1, 2]")).isEqualTo("[1, 2]");
        assertThat(guess("2015-01-01T00:00:00")).isEqualTo("2015-01-01T00:00:00");
        assertThat(guess("")).isEqualTo("");
    }

    @Test
    void convertsToTheGivenType() {
        assertThat(as(" 12 ", "integer")).isEqualTo(12L);
        assertThat(as("-3", "integer")).isEqualTo(-3L);
        assertThat(as("2.5", "float")).isEqualTo(2.5);
        assertThat(as("7", "float")).isEqualTo(7.0);
        assertThat(as("1e-2", "float")).isEqualTo(0.01);
        assertThat(as("-inf", "float")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(as("Yes", "boolean")).isEqualTo(true);
        assertThat(as("t", "boolean")).isEqualTo(true);
        assertThat(as("off", "boolean")).isEqualTo(false);
        assertThat(as("0", "boolean")).isEqualTo(false);
        assertThat(as("42", "string")).isEqualTo("42");
        assertThat(as("2015-01-01T12:00:00+01:00", "datetime")).isEqualTo(Instant.parse("2015-01-01T11:00:00Z"));
    }

    @Test
    void aValueThatDoesNotConvertIsABadRequest() {
        assertThatThrownBy(() -> as("1.5", "integer"))
                .isInstanceOf(ApiException.class)
                .hasMessage("Unable to convert the value 1.5 to the expected data type integer.");
        assertThatThrownBy(() -> as("abc", "float"))
                .hasMessage("Unable to convert the value abc to the expected data type float.");
        assertThatThrownBy(() -> as("maybe", "boolean"))
                .hasMessage("Unable to convert the value maybe to the expected data type boolean.");
        assertThatThrownBy(() -> as("soon", "datetime"))
                .hasMessage("Unable to convert the value soon to the expected data type datetime.");
        assertThatThrownBy(() -> as("1f", "float"))
                .hasMessage("Unable to convert the value 1f to the expected data type float.");
    }

    @Test
    void anUnsupportedTypeListsTheSupportedOnes() {
        assertThatThrownBy(() -> as("1", "long"))
                .hasMessage("The data type long is not supported. The supported data type list is: "
                        + "['integer', 'float', 'string', 'boolean', 'datetime']");
        assertThatThrownBy(() -> QueryValues.convert("true", "boolean", QueryValues.EVENT_TYPES))
                .hasMessage("The data type boolean is not supported. The supported data type list is: "
                        + "['integer', 'float', 'string', 'datetime']");
    }

    @Test
    void reprQuotesAsPythonDoes() {
        assertThat(PythonRepr.str("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.str("a\"b'c")).isEqualTo("'a\"b\\'c'");
        assertThat(PythonRepr.str(null)).isEqualTo("None");
    }
}
