package io.meterhub.mediation;

import io.meterhub.mediation.definition.DefinitionSource;
import io.meterhub.mediation.event.EventDefinitions;
import io.meterhub.mediation.meter.MeterDefinitions;
import io.meterhub.mediation.polling.PollingSampleConverter;
import java.util.List;

/** Builds the Ceilometer-compatible translation engine the hub and {@code bin/meterhub translate} use. */
public final class Translators {

    private Translators() {}

    /**
     * @throws io.meterhub.mediation.definition.DefinitionFileException when a definitions file is missing or invalid;
     *     the message names the file, the entry and the problem
     */
    public static NotificationTranslator create(MediationSettings settings) {
        List<DefinitionSource> meters =
                settings.meters().map(DefinitionSource::fileOrDirectory).orElseGet(MeterDefinitions::defaults);
        DefinitionSource events = settings.events().map(DefinitionSource::of).orElseGet(EventDefinitions::defaults);
        return new DefaultNotificationTranslator(
                List.copyOf(MeterDefinitions.load(meters, settings.userMetadata())),
                EventDefinitions.load(events, settings.dropUnmatched()),
                new PollingSampleConverter(settings.secret(), settings.agentKeys()));
    }
}
