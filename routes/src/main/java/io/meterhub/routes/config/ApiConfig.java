package io.meterhub.routes.config;

import io.meterhub.routes.api.auth.Caller;
import io.meterhub.routes.api.auth.KeystoneTokenValidator;
import io.meterhub.routes.api.auth.StaticTokenValidator;
import io.meterhub.routes.api.auth.TokenFile;
import io.meterhub.routes.api.auth.TokenValidator;
import io.meterhub.routes.api.auth.TokenValidators;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The API's token validation as the options configure it, checked at start-up. */
public final class ApiConfig {

    private ApiConfig() {}

    /**
     * The static tokens ({@code admin-token}, {@code tokens}) first, then Keystone ({@code keystone-url}).
     *
     * @throws ConfigException naming the option: a tokens file that is missing or malformed (with its line), Keystone
     *     without {@code keystone-token} or the other way round
     */
    public static TokenValidator tokenValidator(HubConfig config, Clock clock) {
        Map<String, Caller> tokens = config.get(HubOptions.TOKENS)
                .map(file -> {
                    try {
                        return TokenFile.read(file);
                    } catch (IllegalArgumentException e) {
                        throw new ConfigException("option --" + HubOptions.TOKENS.name() + ": " + e.getMessage());
                    }
                })
                .orElse(Map.of());
        List<TokenValidator> validators = new ArrayList<>();
        validators.add(
                new StaticTokenValidator(config.get(HubOptions.ADMIN_TOKEN).orElse(null), tokens));
        boolean url = config.get(HubOptions.KEYSTONE_URL).isPresent();
        boolean token = config.get(HubOptions.KEYSTONE_TOKEN).isPresent();
        if (url != token) {
            throw new ConfigException(
                    url
                            ? "option --" + HubOptions.KEYSTONE_URL.name() + " needs --"
                                    + HubOptions.KEYSTONE_TOKEN.name()
                                    + " (meterhub's own token for validating callers' tokens)"
                            : "option --" + HubOptions.KEYSTONE_TOKEN.name() + " is of no use without --"
                                    + HubOptions.KEYSTONE_URL.name());
        }
        if (url) {
            validators.add(new KeystoneTokenValidator(
                    config.get(HubOptions.KEYSTONE_URL).get(),
                    config.get(HubOptions.KEYSTONE_TOKEN).get(),
                    config.get(HubOptions.KEYSTONE_CACHE),
                    clock));
        }
        return TokenValidators.firstOf(validators);
    }

    /** Whether any way of authenticating API callers is configured (else every API request gets 401). */
    public static boolean anyCredential(HubConfig config) {
        return config.get(HubOptions.ADMIN_TOKEN).isPresent()
                || config.get(HubOptions.TOKENS).isPresent()
                || config.get(HubOptions.KEYSTONE_URL).isPresent();
    }
}
