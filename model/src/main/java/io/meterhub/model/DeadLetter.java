package io.meterhub.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Input the hub refused, kept with the reason and the original bytes.
 *
 * @param id a stable id: the message id when the input had one, else a digest of the bytes, so that a
 *     redelivered rejection is kept once
 * @param reason a short machine-readable code, e.g. {@code not-json}
 * @param detail a human-readable explanation
 * @param origin where it came from, e.g. {@code rabbitmq:nova/notifications.info}
 */
public record DeadLetter(String id, String reason, String detail, String origin, Instant received, byte[] body) {

    public DeadLetter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(body, "body");
    }
}
