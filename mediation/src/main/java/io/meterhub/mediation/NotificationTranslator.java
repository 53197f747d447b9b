package io.meterhub.mediation;

import io.meterhub.model.Notification;
import io.meterhub.model.Translation;

/**
 * Turns one notification into the samples and events it stands for. Implementations are thread-safe and know
 * nothing of storage or transport.
 */
public interface NotificationTranslator {

    /**
     * @return the samples and events; both may be empty when nothing matches
     * @throws RejectedMessageException when the notification cannot be translated and must be dead-lettered
     */
    Translation translate(Notification notification) throws RejectedMessageException;
}
