package io.meterhub.routes.config;

import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.Translators;
import io.meterhub.mediation.definition.DefinitionFileException;
import io.meterhub.mediation.meter.UserMetadata;

/** The translation engine as the options configure it. */
public final class MediationConfig {

    private MediationConfig() {}

    public static MediationSettings settings(HubConfig config) {
        return new MediationSettings(
                config.get(HubOptions.METERS),
                config.get(HubOptions.EVENTS),
                config.get(HubOptions.DROP_UNMATCHED),
                config.get(HubOptions.SECRET),
                UserMetadata.DEFAULTS,
                AgentKeys.read(config.get(HubOptions.AGENT_KEYS)));
    }

    /**
     * @throws ConfigException when a definitions file is missing or invalid; the message names the option, the file,
     *     the entry and the problem
     */
    public static NotificationTranslator translator(MediationSettings settings) {
        try {
            return Translators.create(settings);
        } catch (DefinitionFileException e) {
            boolean events = settings.events()
                    .filter(f -> e.getMessage().startsWith(f.toString()))
                    .isPresent();
            String option = events ? HubOptions.EVENTS.name() : HubOptions.METERS.name();
            throw new ConfigException("--" + option + ": " + e.getMessage());
        }
    }
}
