package io.meterhub.agent.publish;

import java.io.IOException;
import java.util.List;

/** Sends notification bodies to a broker, and returns only once the broker has taken responsibility for them. */
public interface Publisher extends AutoCloseable {

    /**
     * Sends {@code bodies} in order and waits until the broker confirmed every one.
     *
     * @throws IOException when the broker is unreachable, refused a body or did not confirm in time; then any of
     *     them may or may not have arrived, and the caller sends them all again later (consumers drop duplicates by
     *     {@code message_id})
     */
    void publish(List<byte[]> bodies) throws IOException;

    /** A short description for logs, without credentials. */
    String describe();

    @Override
    void close();
}
