package io.meterhub.routes.config;

import io.meterhub.routes.push.Backoff;
import io.meterhub.routes.websub.WebSubSettings;

/** WebSub and AtomPub push as the options configure them. */
public final class PushConfig {

    private PushConfig() {}

    /** @throws ConfigException when push-retry-max is shorter than push-retry, or the default lease too long */
    public static Backoff backoff(HubConfig config) {
        Backoff b = new Backoff(
                config.get(HubOptions.PUSH_RETRY),
                config.get(HubOptions.PUSH_RETRY_MAX),
                config.get(HubOptions.PUSH_GIVE_UP));
        if (b.max().compareTo(b.initial()) < 0) {
            throw new ConfigException("option --" + HubOptions.PUSH_RETRY_MAX.name() + " (" + b.max()
                    + ") must not be shorter than --" + HubOptions.PUSH_RETRY.name() + " (" + b.initial() + ")");
        }
        return b;
    }

    public static WebSubSettings websub(HubConfig config) {
        WebSubSettings s =
                new WebSubSettings(config.get(HubOptions.WEBSUB_LEASE), config.get(HubOptions.WEBSUB_MAX_LEASE));
        if (s.defaultLease().compareTo(s.maxLease()) > 0) {
            throw new ConfigException("option --" + HubOptions.WEBSUB_LEASE.name() + " (" + s.defaultLease()
                    + ") must not be longer than --" + HubOptions.WEBSUB_MAX_LEASE.name() + " (" + s.maxLease() + ")");
        }
        return s;
    }
}
