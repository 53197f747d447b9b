package io.meterhub.agent.publish;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * Publishes over AMQP 1.0 (qpid-jms) to an address, e.g. the queue {@code meterhub.notifications} of a standalone
 * hub's embedded broker. Messages are persistent, so each send waits for the broker's settlement (AMQP's
 * confirm). The connection is made on first use and again after any failure.
 */
public final class AmqpPublisher implements Publisher {

    private final JmsConnectionFactory factory;
    private final String address;
    private final String description;
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    /**
     * @param uri {@code amqp://[user:pass@]host:port}; user and password are taken from the URI
     * @param address the target queue
     */
    public AmqpPublisher(URI uri, String address) {
        String remote = uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 5672 : uri.getPort());
        this.factory = new JmsConnectionFactory(remote + "?amqp.idleTimeout=30000");
        if (uri.getUserInfo() != null) {
            String[] userPass = uri.getUserInfo().split(":", 2);
            factory.setUsername(userPass[0]);
            factory.setPassword(userPass.length > 1 ? userPass[1] : "");
        }
        this.address = address;
        this.description = "amqp " + remote + " address " + address;
    }

    @Override
    public synchronized void publish(List<byte[]> bodies) throws IOException {
        try {
            MessageProducer p = producer();
            for (byte[] body : bodies) {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(body);
                p.send(m, DeliveryMode.PERSISTENT, 4, 0);
            }
        } catch (JMSException | RuntimeException e) {
            close();
            throw new IOException(e.getMessage(), e);
        }
    }

    private MessageProducer producer() throws JMSException {
        if (producer == null) {
            connection = factory.createConnection();
            connection.start();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            producer = session.createProducer(session.createQueue(address));
        }
        return producer;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException ignored) {
                // the connection is gone either way
            }
        }
        connection = null;
        session = null;
        producer = null;
    }
}
