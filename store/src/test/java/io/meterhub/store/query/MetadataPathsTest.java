package io.meterhub.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataPathsTest {

    @Test
    void aKeyWithoutDotsIsOnePath() {
        assertThat(MetadataPaths.of("metadata", "flavor_name")).containsExactly("metadata.flavor_name");
    }

    @Test
    void everyCutOfADottedPathIsAPathNestedFirst() {
        assertThat(MetadataPaths.of("resource_metadata", "image_meta.org.os_distro"))
                .containsExactly(
                        "resource_metadata.image_meta.org.os_distro",
                        "resource_metadata.image_meta\uFF0Eorg.os_distro",
                        "resource_metadata.image_meta.org\uFF0Eos_distro",
                        "resource_metadata.image_meta\uFF0Eorg\uFF0Eos_distro");
    }

    @Test
    void aLeadingDollarIsEscapedInEachKey() {
        assertThat(MetadataPaths.of("m", "$a.$b")).containsExactly("m.\uFF04a.\uFF04b", "m.\uFF04a\uFF0E$b");
    }

    @Test
    void aLongPathTriesOnlyTheTwoExtremes() {
        assertThat(MetadataPaths.of("m", "a.b.c.d.e.f"))
                .containsExactly("m.a.b.c.d.e.f", "m.a\uFF0Eb\uFF0Ec\uFF0Ed\uFF0Ee\uFF0Ef");
        assertThat(MetadataPaths.of("m", "a.b.c.d.e")).hasSize(16);
    }
}
