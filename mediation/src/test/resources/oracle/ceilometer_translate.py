#!/usr/bin/python3
"""Oracle for meterhub's differential tests: what REAL Ceilometer 19 (Debian's python3-ceilometer) makes of
notifications, printed in the line contract of `bin/meterhub translate`.

Usage: /usr/bin/python3 ceilometer_translate.py [--meters DIR] [--events FILE] [--ignore-priority]
           < notifications.jsonl > results.jsonl

Input: one oslo message per line, either a bare (v1) inner message or an oslo v2 envelope
{"oslo.version": "2.0", "oslo.message": "<inner message as a string>"}.

Each message goes the way the notification agent takes it, through oslo.messaging's own code: the
envelope is opened by rpc_common.deserialize_msg, the context unpacked by amqp.unpack_context (the
_context_* keys without their prefix), and a BatchNotificationDispatcher hands the listener form
{ctxt, publisher_id, event_type, payload, metadata: {message_id, timestamp}} to the two endpoints the agent
runs for meters.yaml and event_definitions.yaml: ProcessMeterNotifications (priorities info and sample)
and EventEndpoint (info and error). The dispatcher drops every other priority, as the agent does;
--ignore-priority instead gives every message whose priority oslo.messaging dispatches at all (one of its
PRIORITIES) to both endpoints (at priority info for the meters, its own for the events), which is how
testdata/corpus/ceilometer-*.jsonl were made; an unknown priority is dropped with oslo's warning. The agent's other sample
endpoints (hardware.ipmi.*, http.request/response, _sample) are not run: they are not meters.yaml.

Output, per input line and in this order:
  {"kind":"sample","notification_id",...}  each sample the meter endpoint published
  {"kind":"event","message_id",...}        the event the event endpoint published
  {"kind":"error","message_id","reason"}   each exception on the way, as "<where> (<type>): <text>": one an
                                           endpoint caught and logged (it then published nothing for the
                                           message), or one oslo.messaging raised (the message went nowhere)
Datetimes are Python's isoformat(); one without an offset is UTC (Ceilometer normalises to naive UTC).
"""
import argparse
import datetime
import io
import json
import logging
import os
import sys
import types

from oslo_messaging._drivers import amqp
from oslo_messaging._drivers import common as rpc_common
from oslo_messaging.notify import dispatcher as oslo_dispatcher

from ceilometer import service
from ceilometer.meter import notifications as meter_notifications
from ceilometer.pipeline import event as event_pipeline

TRAIT_TYPES = {1: 'text', 2: 'int', 3: 'float', 4: 'datetime'}


class Published(object):
    """Stands for an endpoint's publisher: `with publisher as p: p(data)` collects data."""

    def __init__(self):
        self.items = []

    def __enter__(self):
        return self.items.append

    def __exit__(self, *exc):
        return False

    def take(self):
        items, self.items = self.items, []
        return items


class CaughtExceptions(logging.Handler):
    """Keeps the exceptions Ceilometer and oslo.messaging catch and log with exc_info."""

    def __init__(self):
        super(CaughtExceptions, self).__init__(logging.ERROR)
        self.reasons = []

    STAGES = {'ceilometer.pipeline.sample': 'meter endpoint', 'ceilometer.pipeline.event': 'event endpoint',
              'oslo_messaging.notify.dispatcher': 'oslo.messaging dispatcher'}

    def emit(self, record):
        if record.exc_info and record.exc_info[1] is not None:
            self.reasons.append(reason(self.STAGES.get(record.name, record.name), record.exc_info[1]))

    def take(self):
        reasons, self.reasons = self.reasons, []
        return reasons


def reason(stage, exception):
    return '%s (%s): %s' % (stage, type(exception).__name__, exception)


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--meters', help='directory of meter definition files (*.yaml); '
                                     'default: Ceilometer\'s meter_definitions_dirs')
    ap.add_argument('--events', help='event definitions file; default: Ceilometer\'s event_definitions.yaml')
    ap.add_argument('--ignore-priority', action='store_true',
                    help='give every message to both endpoints whatever its priority')
    a = ap.parse_args()
    if a.meters and not os.path.isdir(a.meters):
        ap.error('--meters %s: not a directory' % a.meters)
    if a.events and not os.path.isfile(a.events):
        ap.error('--events %s: no such file (Ceilometer would silently fall back to its default)' % a.events)
    return a


def configure(args):
    conf = service.prepare_service(['ceilometer_translate'], [])
    if args.meters:
        conf.set_override('meter_definitions_dirs', [os.path.abspath(args.meters)], group='meter')
    if args.events:
        conf.set_override('definitions_cfg_file', os.path.abspath(args.events), group='event')
    return conf


def incoming(raw):
    """What oslo.messaging's AMQP listener makes of one received body."""
    message = rpc_common.deserialize_msg(raw)
    ctxt = amqp.unpack_context(message).to_dict()
    return types.SimpleNamespace(ctxt=ctxt, message=message)


def message_id(raw):
    """The message_id to key result lines by, found even in an envelope oslo.messaging refuses to open."""
    inner = raw
    if isinstance(raw, dict) and 'oslo.message' in raw:
        inner = raw['oslo.message']
        if isinstance(inner, str):
            try:
                inner = json.loads(inner)
            except ValueError:
                return None
    return inner.get('message_id') if isinstance(inner, dict) else None


def jsonable(value):
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value)


def sample_line(notification_id, s):
    d = s.as_dict()
    return {'kind': 'sample', 'notification_id': notification_id,
            'counter_name': d['name'], 'counter_type': d['type'], 'counter_unit': d['unit'],
            'counter_volume': d['volume'], 'user_id': d['user_id'], 'project_id': d['project_id'],
            'resource_id': d['resource_id'], 'timestamp': d['timestamp'],
            'resource_metadata': d['resource_metadata'], 'message_id': d['id'], 'source': d['source']}


def event_line(e):
    return {'kind': 'event', 'message_id': e.message_id, 'event_type': e.event_type,
            'generated': e.generated,
            'traits': [{'name': t.name, 'type': TRAIT_TYPES.get(t.dtype, str(t.dtype)), 'value': t.value}
                       for t in e.traits]}


class Oracle(object):
    """The two endpoints, their publishers and the dispatcher in front of them."""

    def __init__(self, conf, ignore_priority):
        self.samples = Published()
        self.events = Published()
        self.meter_endpoint = meter_notifications.ProcessMeterNotifications(conf, self.samples)
        self.event_endpoint = event_pipeline.EventEndpoint(conf, self.events)
        self.dispatcher = oslo_dispatcher.BatchNotificationDispatcher(
            [self.meter_endpoint, self.event_endpoint], None)
        self.ignore_priority = ignore_priority

    def translate(self, raw):
        """(sample batches, events) the endpoints published for one received body."""
        if self.ignore_priority:
            priority, _, body = self.dispatcher._extract_user_message(incoming(raw))
            if priority not in oslo_dispatcher.PRIORITIES:
                logging.getLogger('oslo_messaging.notify.dispatcher').warning(
                    'Unknown priority "%s"', priority)  # what the dispatcher does with it
                return [], []
            self.meter_endpoint.process_notifications('info', [body])
            self.event_endpoint.process_notifications(priority, [body])
        else:
            self.dispatcher.dispatch([incoming(raw)])
        return self.samples.take(), self.events.take()


class OneLineFormatter(logging.Formatter):
    """Log lines without tracebacks: the exception text is on the error line already."""

    def format(self, record):
        return '%s %s %s' % (record.levelname, record.name, record.getMessage())


def log_warnings_to_stderr(caught):
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(OneLineFormatter())
    root.addHandler(stderr)
    root.addHandler(caught)
    root.setLevel(logging.WARNING)


def results_channel():
    """The real stdout, for result lines only; whatever else writes to stdout (oslo.log) goes to stderr."""
    out = os.fdopen(os.dup(1), 'w', encoding='ascii')
    os.dup2(2, 1)
    return out


def main():
    args = parse_args()
    out = results_channel()
    conf = configure(args)
    caught = CaughtExceptions()
    log_warnings_to_stderr(caught)
    oracle = Oracle(conf, args.ignore_priority)
    caught.take()  # start-up complaints (bad definitions) are on stderr, not about any message
    for line in io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8'):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as e:
            out.write(json.dumps({'kind': 'error', 'message_id': None, 'reason': 'not JSON: %s' % e}) + '\n')
            continue
        mid = message_id(raw)
        lines = []
        try:
            published_samples, published_events = oracle.translate(raw)
            for batch in published_samples:
                lines.extend(sample_line(mid, s) for s in batch)
            lines.extend(event_line(e) for e in published_events)
        except Exception as e:  # raised by oslo.messaging itself: an envelope it cannot open, a bad priority
            lines.append({'kind': 'error', 'message_id': mid, 'reason': reason('oslo.messaging', e)})
        lines.extend({'kind': 'error', 'message_id': mid, 'reason': r} for r in caught.take())
        for result in lines:
            out.write(json.dumps(result, default=jsonable, ensure_ascii=True) + '\n')
    out.flush()


if __name__ == '__main__':
    main()
