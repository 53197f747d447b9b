#!/usr/bin/python3
"""What the agent published during bench/run-agent.sh, read from a queue of the bench's own.

    agent_samples.py bind QUEUE     declare the exchange as oslo does and a queue bound to it (notifications.*)
    agent_samples.py count QUEUE    drain the queue, print notifications / samples / metered processes, delete it
"""
import json
import sys

import kombu

EXCHANGE = 'meterhub-bench-agent'
URL = 'amqp://guest:guest@127.0.0.1:5672//'


def main(command, queue_name):
    with kombu.Connection(URL) as conn:
        channel = conn.channel()
        exchange = kombu.Exchange(EXCHANGE, type='topic', durable=False)
        queue = kombu.Queue(queue_name, exchange, routing_key='notifications.*', durable=False,
                            channel=channel)
        if command == 'bind':
            exchange(channel).declare()
            queue.declare()
            return
        notifications = samples = 0
        processes = set()
        while True:
            message = queue.get(no_ack=True)
            if message is None:
                break
            inner = json.loads(json.loads(message.body)['oslo.message'])
            notifications += 1
            for s in inner['payload']['samples']:
                samples += 1
                if s['counter_name'] == 'process.cpu.time':
                    processes.add(s['resource_id'])
        queue.delete()
        print('  published  %d notifications, %d samples, %d distinct processes metered'
              % (notifications, samples, len(processes)))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
