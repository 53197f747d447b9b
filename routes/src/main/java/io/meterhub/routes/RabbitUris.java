package io.meterhub.routes;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;

/** RabbitMQ addresses as OpenStack writes them in its {@code transport_url}. */
public final class RabbitUris {

    private RabbitUris() {}

    /**
     * A RabbitMQ client connection factory for {@code uri}. An empty path ({@code host:5672/}) means the default
     * virtual host {@code /}, as in oslo.messaging and kombu, where the AMQP URI specification would read it as "".
     *
     * @throws IllegalArgumentException when {@code uri} is not an AMQP URI
     */
    public static ConnectionFactory connectionFactory(URI uri) {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid AMQP URI: " + e.getMessage(), e);
        }
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            f.setVirtualHost("/");
        }
        return f;
    }
}
