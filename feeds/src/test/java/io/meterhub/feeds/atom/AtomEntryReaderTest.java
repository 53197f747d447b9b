package io.meterhub.feeds.atom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomEntryReaderTest {

    private final AtomEntryReader reader = new AtomEntryReader(64 * 1024);

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = AtomEntryReaderTest.class.getResourceAsStream("/atom/" + name)) {
            return Objects.requireNonNull(in, name).readAllBytes();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAtomHoppersSimpleEntry() throws Exception {
        ParsedEntry e = reader.read(resource("ah-atom-entry-simple.xml"));

        assertThat(e.id()).isEmpty();
        assertThat(e.title()).isEqualTo("This is a greeting from John Doe");
        assertThat(e.contentType()).isEqualTo("text");
        assertThat(e.content()).isEqualTo("Hello World");
        assertThat(e.categories()).containsExactly("greetings", "messages from John", "experiments");
    }

    @Test
    void readsAtomHoppersComplexEntryWithItsPublishedTime() throws Exception {
        ParsedEntry e = reader.read(resource("ah-atom-entry-complex.xml"));

        assertThat(e.categories()).containsExactly("Entry category 1 term.", "Entry category 2 term.");
        assertThat(e.published()).contains(Instant.parse("2011-11-14T16:32:12.800Z"));
        assertThat(e.content()).startsWith("YOU FOUND IT!");
    }

    @Test
    void readsYagisCufEntryWithItsXmlContent() throws Exception {
        ParsedEntry e = reader.read(resource("cufpub_notify_for_instance_exists_message.expected.xml"));

        assertThat(e.title()).isEqualTo("Server");
        assertThat(e.contentType()).isEqualTo("application/xml");
        assertThat(e.content())
                .contains("<event")
                .contains("id=\"10c3e7b3-2ac3-5c93-bc4f-ae32e61d9190\"")
                .contains("bandwidthOut=\"19992\"");
        assertThat(e.categories())
                .containsExactly(
                        "compute.instance.exists.verified.cuf",
                        "original_message_id:425b23c9-9add-409f-938e-c131f304602a");
    }

    @Test
    void readsAnEntryPrecededByAProcessingInstructionAndAComment() throws Exception {
        assertThat(reader.read(resource("glance_cuf.xml")).title()).isEqualTo("Glance");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the-secret-value");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE entry [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>&xxe;</title></entry>";

        assertThatThrownBy(() -> reader.read(utf8(xxe)))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("the-secret-value");
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE entry [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?>" + dtd + "]><entry xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>&lol9;</title></entry>";

        assertThatThrownBy(() -> reader.read(utf8(bomb)))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesAnEntryLargerThanTheLimitBeforeParsingIt() {
        byte[] big = utf8("<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><content>"
                + "x".repeat(64 * 1024) + "</content></entry>");

        assertThatThrownBy(() -> reader.read(big))
                .isInstanceOf(InvalidEntryException.class)
                .hasMessageContaining("more than the 65536 accepted");
    }

    @Test
    void refusesWhatIsNotAWellFormedAtomEntryWithATitle() {
        assertThatThrownBy(() -> reader.read(utf8("<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>")))
                .hasMessageContaining("not acceptable XML");
        assertThatThrownBy(() -> reader.read(utf8("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>")))
                .hasMessageContaining("not an Atom entry");
        assertThatThrownBy(() -> reader.read(utf8("<entry><title>no namespace</title></entry>")))
                .hasMessageContaining("not an Atom entry");
        assertThatThrownBy(() -> reader.read(utf8("<entry xmlns=\"http://www.w3.org/2005/Atom\"/>")))
                .hasMessageContaining("no title");
        assertThatThrownBy(() -> reader.read(utf8("<entry xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                        + "<content src=\"http://elsewhere/x\"/></entry>")))
                .hasMessageContaining("by reference");
    }
}
