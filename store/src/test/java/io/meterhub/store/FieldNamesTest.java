package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"display_name", "", "a$b", "memory_mb", "x-y z", "é"})
    void keepsOrdinaryKeysAsTheyAre(String key) {
        assertThat(FieldNames.escape(key)).isSameAs(key);
        assertThat(FieldNames.unescape(key)).isSameAs(key);
    }

    @Test
    void replacesDotsWithFullwidthDots() {
        assertThat(FieldNames.escape("org.openstack__1__os_distro")).isEqualTo("org\uFF0Eopenstack__1__os_distro");
        assertThat(FieldNames.escape("a.b.c")).isEqualTo("a\uFF0Eb\uFF0Ec");
    }

    @Test
    void replacesOnlyALeadingDollar() {
        assertThat(FieldNames.escape("$ref")).isEqualTo("\uFF04ref");
        assertThat(FieldNames.escape("$a$b")).isEqualTo("\uFF04a$b");
    }

    @Test
    void escapedKeysAreValidMongoFieldNames() {
        for (String key : new String[] {"org.openstack__1__os_distro", "$ref", "$a.b", ".", "$", "..", "a."}) {
            String escaped = FieldNames.escape(key);
            assertThat(escaped).as(key).doesNotContain(".").doesNotStartWith("$");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "org.openstack__1__os_distro",
                "$ref",
                "$a.b",
                ".",
                "$",
                "..",
                "a.",
                ".a",
                "$.$",
                "image_org.openstack__1__architecture",
                "metering.foo.bar",
                "nova_object.data",
                "plain",
                ""
            })
    void unescapeReversesEscape(String key) {
        assertThat(FieldNames.unescape(FieldNames.escape(key))).isEqualTo(key);
    }
}
