package io.meterhub.routes.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiConfigTest {

    @TempDir
    Path dir;

    @Test
    void theApiOptionsHaveCeilometersDefaults() {
        HubConfig c = HubConfig.of(Map.of());

        assertThat(c.get(HubOptions.API_LIMIT)).isEqualTo(100);
        assertThat(c.get(HubOptions.KEYSTONE_CACHE)).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.get(HubOptions.ADMIN_TOKEN)).isEmpty();
        assertThat(ApiConfig.anyCredential(c)).isFalse();
        assertThat(ApiConfig.tokenValidator(c, Clock.systemUTC()).validate("anything"))
                .isEmpty();
    }

    @Test
    void adminTokenAndTokensFileBothValidate() throws IOException {
        Path tokens = Files.write(dir.resolve("tokens"), List.of("t1 p1 member"));
        HubConfig c = HubConfig.of(Map.of("admin-token", "adm", "tokens", tokens.toString()));

        var v = ApiConfig.tokenValidator(c, Clock.systemUTC());

        assertThat(v.validate("adm"))
                .hasValueSatisfying(x -> assertThat(x.admin()).isTrue());
        assertThat(v.validate("t1"))
                .hasValueSatisfying(x -> assertThat(x.projectId()).isEqualTo("p1"));
        assertThat(ApiConfig.anyCredential(c)).isTrue();
    }

    @Test
    void aMalformedTokensFileStopsStartUpNamingOptionFileAndLine() throws IOException {
        Path tokens = Files.write(dir.resolve("tokens"), List.of("t1 p1 member", "t2 p2"));
        HubConfig c = HubConfig.of(Map.of("tokens", tokens.toString()));

        assertThatThrownBy(() -> ApiConfig.tokenValidator(c, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("option --tokens: " + tokens + " line 2: expected 'token project_id role', found 2 fields");
    }

    @Test
    void aMissingTokensFileStopsStartUp() {
        HubConfig c = HubConfig.of(Map.of("tokens", dir.resolve("none").toString()));

        assertThatThrownBy(() -> ApiConfig.tokenValidator(c, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("option --tokens: " + dir.resolve("none") + ": cannot be read");
    }

    @Test
    void keystoneUrlAndTokenGoTogether() {
        HubConfig urlOnly = HubConfig.of(Map.of("keystone-url", "http://keystone.invalid/v3"));
        HubConfig tokenOnly = HubConfig.of(Map.of("keystone-token", "svc"));

        assertThatThrownBy(() -> ApiConfig.tokenValidator(urlOnly, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("option --keystone-url needs --keystone-token");
        assertThatThrownBy(() -> ApiConfig.tokenValidator(tokenOnly, Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("option --keystone-token is of no use without --keystone-url");
    }

    @Test
    void badApiOptionValuesNameTheOption() {
        assertThatThrownBy(() -> HubConfig.of(Map.of("keystone-url", "ftp://k")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("option --keystone-url (from command line): 'ftp://k' is invalid");
        assertThatThrownBy(() -> HubConfig.of(Map.of("admin-token", "two words")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("option --admin-token (from command line)")
                .hasMessageContaining("printable ASCII without blanks");
        assertThatThrownBy(() -> HubConfig.of(Map.of("keystone-cache", "soon")))
                .hasMessageStartingWith("option --keystone-cache");
        assertThatThrownBy(() -> HubConfig.of(Map.of("api-limit", "0"))).hasMessageStartingWith("option --api-limit");
        assertThat(HubConfig.of(Map.of("keystone-cache", "0")).get(HubOptions.KEYSTONE_CACHE))
                .isZero();
    }
}
