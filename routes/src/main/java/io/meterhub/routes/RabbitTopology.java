package io.meterhub.routes;

import java.util.List;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Declares on RabbitMQ what the hub consumes, the way OpenStack expects: each service's topic exchange declared as
 * oslo.messaging declares it (non-durable, not auto-deleted, so declaring it agrees with the services'), and the
 * hub's OWN durable queue bound to every exchange with {@code <topic>.*} for each topic — every priority. It never
 * consumes Ceilometer's {@code notifications.info}. Also declares the durable dead-letter queue.
 */
public final class RabbitTopology {

    private final List<String> exchanges;
    private final List<String> topics;
    private final String queue;

    public RabbitTopology(List<String> exchanges, List<String> topics, String queue) {
        this.exchanges = List.copyOf(exchanges);
        this.topics = List.copyOf(topics);
        this.queue = queue;
    }

    public void declare(RabbitAdmin admin) {
        Queue q = QueueBuilder.durable(queue).build();
        admin.declareQueue(q);
        admin.declareQueue(QueueBuilder.durable(HubNames.DEAD_QUEUE).build());
        for (String name : exchanges) {
            TopicExchange exchange = new TopicExchange(name, false, false);
            admin.declareExchange(exchange);
            for (String topic : topics) {
                Binding b = BindingBuilder.bind(q).to(exchange).with(topic + ".*");
                admin.declareBinding(b);
            }
        }
    }

    public String queue() {
        return queue;
    }
}
