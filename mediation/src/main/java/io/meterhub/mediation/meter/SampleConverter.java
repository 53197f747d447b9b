package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import java.util.List;

/** One meter definition: which notifications it applies to and the samples it makes of them. */
public interface SampleConverter {

    /** The meter's name (or name expression), unique among the definitions in force. */
    String name();

    /** Whether this definition applies to notifications of {@code eventType}. */
    boolean matches(String eventType);

    /**
     * The samples of a matching notification; empty when the notification lacks what the meter needs.
     *
     * @param body the notification's {@link io.meterhub.mediation.ListenerForm listener form}
     * @throws IllegalArgumentException when the notification yields a sample that cannot exist (no name, an unknown
     *     type, a volume that is not a number, an unparseable timestamp); the message names the meter
     */
    List<Sample> toSamples(Notification notification, JsonNode body);
}
