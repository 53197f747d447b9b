package io.meterhub.mediation.meter;

import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import java.util.List;

/** One meter definition: which notifications it applies to and the samples it makes of them. */
public interface SampleConverter {

    /** The meter's name, unique among the definitions in force. */
    String name();

    /** Whether this definition applies to notifications of {@code eventType}. */
    boolean matches(String eventType);

    /** The samples of a matching notification; empty when the notification lacks what the meter needs. */
    List<Sample> toSamples(Notification notification);
}
