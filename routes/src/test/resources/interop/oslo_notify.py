#!/usr/bin/python3
"""Publish notifications with REAL oslo.messaging, exactly as an OpenStack service does.

Usage: oslo_notify.py TRANSPORT_URL EXCHANGE N < inner-messages.jsonl
For each of the first N input lines (oslo inner messages) it calls Notifier.<priority>(ctxt, event_type,
payload) on a messagingv2 notifier whose control_exchange is EXCHANGE, as nova does with 'nova'.
oslo.messaging assigns message_id, timestamp and _unique_id and packs the context as _context_* keys.
Prints one line per notification: the event_type it sent."""
import json
import logging
import sys

logging.disable(logging.CRITICAL)
import oslo_messaging as om
from oslo_config import cfg

url, exchange, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
om.set_transport_defaults(control_exchange=exchange)  # before the transport exists, as a service does at start
conf = cfg.ConfigOpts()
conf([])
transport = om.get_notification_transport(conf, url=url)
notifiers = {}
sent = 0
for line in sys.stdin:
    if sent == n:
        break
    m = json.loads(line)
    publisher = m.get('publisher_id') or 'compute.host1'
    if publisher not in notifiers:
        notifiers[publisher] = om.Notifier(transport, publisher_id=publisher, driver='messagingv2',
                                           topics=['notifications'])
    ctxt = {k[len('_context_'):]: v for k, v in m.items() if k.startswith('_context_')}
    priority = (m.get('priority') or 'INFO').lower()
    getattr(notifiers[publisher], priority if priority in ('audit', 'debug', 'info', 'warn', 'error', 'critical', 'sample') else 'info')(
        ctxt, m['event_type'], m.get('payload') or {})
    print(m['event_type'])
    sent += 1
transport.cleanup()
