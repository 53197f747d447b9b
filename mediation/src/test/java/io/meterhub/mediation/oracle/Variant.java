package io.meterhub.mediation.oracle;

/**
 * A notification made from a real one of the corpus, and what was changed.
 *
 * @param messageId its (new) {@code message_id}, the key of its result lines
 * @param line the oslo message as sent: a bare inner message or a v2 envelope
 * @param note what was changed and from which corpus notification, for failure messages
 */
public record Variant(String messageId, String line, String note) {}
