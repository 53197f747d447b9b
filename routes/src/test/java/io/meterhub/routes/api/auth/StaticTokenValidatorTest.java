package io.meterhub.routes.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticTokenValidatorTest {

    @TempDir
    Path dir;

    private Path tokens(String... lines) throws IOException {
        Path f = dir.resolve("tokens");
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void theAdminTokenIsAnAdminOfNoProject() {
        StaticTokenValidator v = new StaticTokenValidator("s3cret", Map.of());

        assertThat(v.validate("s3cret")).hasValueSatisfying(c -> {
            assertThat(c.admin()).isTrue();
            assertThat(c.limitedToProject()).isEmpty();
        });
        assertThat(v.validate("s3cre")).isEmpty();
        assertThat(v.validate("s3cret2")).isEmpty();
    }

    @Test
    void readsTokensWithProjectAndRoleSkippingCommentsAndBlankLines() throws IOException {
        Map<String, Caller> read = TokenFile.read(tokens(
                "# billing users",
                "",
                "tok-a  project-a member",
                "\ttok-b project-b admin  ",
                "   # indented comment"));
        StaticTokenValidator v = new StaticTokenValidator(null, read);

        assertThat(v.validate("tok-a")).contains(new Caller("project-a", null, Set.of("member"), false));
        assertThat(v.validate("tok-b")).hasValueSatisfying(c -> {
            assertThat(c.admin()).isTrue();
            assertThat(c.projectId()).isEqualTo("project-b");
        });
        assertThat(v.validate("project-a")).isEmpty();
        assertThat(v.validate("# billing users")).isEmpty();
    }

    @Test
    void aLineWithoutThreeFieldsNamesTheFileAndLine() throws IOException {
        Path f = tokens("tok-a project-a member", "# fine", "tok-b project-b");

        assertThatThrownBy(() -> TokenFile.read(f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f + " line 3: expected 'token project_id role', found 2 fields");
        Path g = tokens("tok-a project-a member extra");
        assertThatThrownBy(() -> TokenFile.read(g))
                .hasMessage(g + " line 1: expected 'token project_id role', found 4 fields");
        Path h = tokens("lonely");
        assertThatThrownBy(() -> TokenFile.read(h))
                .hasMessage(h + " line 1: expected 'token project_id role', found 1 field");
    }

    @Test
    void aRepeatedTokenIsAnError() throws IOException {
        Path f = tokens("tok p1 member", "tok p2 member");

        assertThatThrownBy(() -> TokenFile.read(f)).hasMessage(f + " line 2: the token appears twice");
    }

    @Test
    void aMissingFileIsAnError() {
        Path f = dir.resolve("absent");

        assertThatThrownBy(() -> TokenFile.read(f)).hasMessageStartingWith(f + ": cannot be read");
    }

    @Test
    void aCallerThatIsNotAnAdminNeedsAProject() {
        assertThatThrownBy(() -> new Caller(null, "u", Set.of("member"), false))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theFirstValidatorThatKnowsATokenDecides() {
        TokenValidator v = TokenValidators.firstOf(List.of(
                new StaticTokenValidator("adm", Map.of()),
                new StaticTokenValidator(null, Map.of("t", Caller.of("p", null, Set.of("member"))))));

        assertThat(v.validate("adm"))
                .hasValueSatisfying(c -> assertThat(c.admin()).isTrue());
        assertThat(v.validate("t"))
                .hasValueSatisfying(c -> assertThat(c.projectId()).isEqualTo("p"));
        assertThat(v.validate("x")).isEmpty();
    }
}
