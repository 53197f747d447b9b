#!/usr/bin/python3
"""Writes golden.json: what the REAL jsonpath_rw / jsonpath_rw_ext and Ceilometer 19's declarative.Definition make
of JSONPath expressions, for JsonPathGoldenTest and FieldDefinitionGoldenTest to compare meterhub's port against.

Run with Debian's python (it has python3-jsonpath-rw-ext and python3-ceilometer):

    /usr/bin/python3 mediation/src/test/resources/jsonpath/generate_golden.py [SHARED_CEILOMETER_DIR]

SHARED_CEILOMETER_DIR holds the team's meters.yaml and event_definitions.yaml (default
/work/shared/samples/ceilometer); Debian's own copies are read from the installed ceilometer package. The output is
deterministic (seeded fuzzing, sorted inputs), so re-running it gives the same file.

What is recorded:
  parseTable   PLY's LALR table for ExtentedJsonPathParser, states numbered breadth-first (LalrTable.canonical()).
  documents    hand-written edge-case documents, by id.
  cases        per expression: its syntax tree (in the notation of the Java nodes' toString) or the exception the
               parser raised; and per document: the matches as [path, value] (path joined from
               Definition._get_path, as Ceilometer's plugins see it) or the exception find() raised.
               Document ids "corpus:<message_id>" are the corpus notifications (testdata/corpus/notifications.jsonl)
               in oslo's listener form; the Java test builds that form the same way.
  definitions  per Definition config: the DefinitionException Ceilometer raises, or per document the results of
               parse(obj) and parse(obj, return_all_values=True) (or the exception each raised).
"""
import contextlib
import fnmatch
import io
import json
import logging
import os
import platform
import random
import re
import sys

logging.disable(logging.CRITICAL)

import jsonpath_rw  # noqa: E402
import jsonpath_rw_ext  # noqa: E402
import ply  # noqa: E402
import ply.yacc  # noqa: E402
import yaml  # noqa: E402
from jsonpath_rw import jsonpath as J  # noqa: E402
from jsonpath_rw_ext import _arithmetic, _filter, _iterable, _string  # noqa: E402
from jsonpath_rw_ext import parser as ext_parser  # noqa: E402
from stevedore import extension  # noqa: E402

from ceilometer import declarative  # noqa: E402
from ceilometer.event import converter  # noqa: E402
from ceilometer.meter import notifications as meter_notifications  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, '..', '..', '..', '..', '..'))
CORPUS = os.path.join(REPO, 'testdata', 'corpus', 'notifications.jsonl')
SHARED = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/samples/ceilometer'
CEILOMETER = os.path.dirname(declarative.__file__)
METER_FILES = [os.path.join(SHARED, 'meters.yaml'), os.path.join(CEILOMETER, 'data', 'meters.d', 'meters.yaml')]
EVENT_FILES = [os.path.join(SHARED, 'event_definitions.yaml'),
               os.path.join(CEILOMETER, 'pipeline', 'data', 'event_definitions.yaml')]

PARSER = ext_parser.ExtentedJsonPathParser()
PLUGINS = extension.ExtensionManager(namespace='ceilometer.event.trait_plugin')
PATHS = declarative.Definition('path', 'a', PLUGINS)  # only for its _get_path


def version(dist):
    from importlib import metadata
    return metadata.version(dist)


# ---------------------------------------------------------------- syntax trees, in the Java nodes' notation

OPS = {'add': '+', 'sub': '-', 'mul': '*', 'truediv': '/'}


def operand(x):
    return tree(x) if isinstance(x, J.JSONPath) else repr(x)


def tree(n):
    if isinstance(n, _arithmetic.Operation):
        return 'Operation(%s,%s,%s)' % (operand(n.left), OPS[n.op.__name__], operand(n.right))
    if isinstance(n, _iterable.SortedThis):
        if n.expressions is None:
            return 'Sorted(None)'
        return 'Sorted([%s])' % ','.join('(%s,%s)' % (tree(f), r) for f, r in n.expressions)
    if isinstance(n, _string.Sub):
        return 'Sub(%r,%r)' % (n.expr, n.repl)
    if isinstance(n, _string.Split):
        return 'Split(%r,%d,%d)' % (n.char, n.segment, n.max_split)
    if isinstance(n, _iterable.Len):
        return 'Len()'
    if isinstance(n, _filter.Filter):
        return 'Filter([%s])' % ','.join(tree(e) for e in n.expressions)
    if isinstance(n, _filter.Expression):
        return 'Expression(%s,%s,%s)' % (tree(n.target), 'None' if n.op is None else repr(n.op),
                                         'None' if n.value is None else repr(n.value))
    if isinstance(n, J.Root):
        return 'Root()'
    if isinstance(n, J.This):
        return 'This()'
    if isinstance(n, J.Parent):
        return 'Parent()'
    if isinstance(n, J.Fields):
        return 'Fields(%s)' % ','.join(repr(f) for f in n.fields)
    if isinstance(n, J.Index):
        return 'Index(%d)' % n.index
    if isinstance(n, J.Slice):
        return 'Slice(%r,%r)' % (n.start, n.end)
    for cls in (J.Child, J.Where, J.Descendants, J.Union, J.Intersect):
        if isinstance(n, cls):
            return '%s(%s,%s)' % (cls.__name__, tree(n.left), tree(n.right))
    raise TypeError('no dump for %r' % n)


def error_name(e):
    return 're.error' if isinstance(e, re.error) else type(e).__name__


def parse(expr):
    with contextlib.redirect_stdout(io.StringIO()):  # _string.Sub prints itself
        return PARSER.parse(expr)


# ---------------------------------------------------------------- PLY's table

def ply_table():
    y = ply.yacc.yacc(module=ext_parser.ExtentedJsonPathParser(), write_tables=0, debug=False, start='jsonpath',
                      errorlog=ply.yacc.NullLogger())

    def text(i):
        p = y.productions[i]
        return p.str if len(p.prod) else p.name + ' -> <empty>'

    succ = {}
    for s in y.action:
        m = {t: a for t, a in y.action[s].items() if a is not None and a > 0}
        m.update(y.goto.get(s, {}))
        succ[s] = m
    order, queue = {0: 0}, [0]
    for s in queue:
        for sym in sorted(succ[s]):
            if succ[s][sym] not in order:
                order[succ[s][sym]] = len(queue)
                queue.append(succ[s][sym])
    out = []
    for s in queue:
        row = {}
        for t, a in y.action[s].items():
            if a is None:
                continue
            row[t] = 's%d' % order[a] if a > 0 else ('acc' if a == 0 else 'r' + text(-a))
        for n, g in y.goto.get(s, {}).items():
            row[n] = 'g%d' % order[g]
        out.append(dict(sorted(row.items())))
    return out


# ---------------------------------------------------------------- documents

def listener_form(m):
    ctxt = {k[len('_context_'):]: v for k, v in m.items() if k.startswith('_context_')}
    return {'ctxt': ctxt, 'publisher_id': m.get('publisher_id'), 'event_type': m['event_type'],
            'payload': m.get('payload'),
            'metadata': {'message_id': m.get('message_id'), 'timestamp': m.get('timestamp')}}


def load_corpus():
    docs = {}
    with open(CORPUS) as f:
        for line in f:
            m = json.loads(line)
            docs['corpus:' + m['message_id']] = listener_form(m)
    return docs


EDGE = {
    'ctxt': {'user_id': 'u1', 'project_id': 'p1', 'user': None, 'roles': ['admin', 'member'], 'request_id': 'req-1'},
    'publisher_id': 'compute.host-1.example.org',
    'event_type': 'compute.instance.create.end',
    'payload': {
        'int': 7, 'neg': -3, 'zero': 0, 'float': 2.5, 'negfloat': -0.5, 'floatint': 3.0, 'tiny': 1e-07,
        'huge': 1e300, 'bigint': 123456789012345678901234567890, 'big53': 9007199254740993,
        'true': True, 'false': False, 'null': None,
        'str': 'hello', 'numstr': '42', 'floatstr': '4.2', 'spacestr': ' 12 ', 'usstr': '1_000', 'empty': '',
        'unicode': 'h\u00e9llo w\u00f6rld \u2713 \U0001F600', 'tabs': 'a\tb  c\nd',
        'dotted.key': 'dk', 'org.openstack__1__architecture': 'x86_64', 'with space': 'ws', "quote'key": 'qk',
        'where': 'w', 'true_key': 'tk', '@at': 'at', 'a-b': 'dash', '0': 'zero-key', '': 'empty-key',
        'list': [1, 2, 3], 'strlist': ['b', 'a', 'c', 'B', '\u00e9', '\U0001F600', '\uff5e'],
        'mixed': [1, 'a', None, 2.5, True, {'k': 1}, [1]], 'emptylist': [], 'emptydict': {},
        'nested': {'a': {'b': {'c': 1}}, 'list': [{'x': 1}, {'x': 2, 'y': None}], 'null': None, 'str': 's'},
        'metrics': [
            {'name': 'cpu.frequency', 'value': 1600, 'unit': 'MHz', 'source': 'libvirt',
             'timestamp': '2024-01-01T00:00:00Z'},
            {'name': 'cpu.percent', 'value': 0.25, 'unit': '%', 'source': 'libvirt',
             'timestamp': '2024-01-01T00:00:01Z'},
            {'name': 'cpu.user.time', 'value': 123456789, 'unit': 'ns'},
            {'name': None, 'value': 5},
            {'value': 6}],
        'glance_metadata': [{'key': 'image_id', 'value': 'img-1'}, {'key': 'other', 'value': 'x'},
                            {'key': 'image_id', 'value': 'img-2'}],
        'volume_attachment': [{'server_id': 'srv-1'}, {'server_id': 'srv-2'}],
        'items': [{'id': 3, 'n': 'c', 'tag': 'x'}, {'id': 1, 'n': 'a'}, {'id': 2, 'n': 'b', 'tag': 'y'},
                  {'id': '4', 'n': 'd'}, {'id': 2.5, 'n': 'e'}, {'id': 'abc', 'n': 'f'}, {'id': True, 'n': 'g'},
                  {'id': None, 'n': 'h'}, {'n': 'i'}, {'id': ' 7 ', 'n': 'j'}, {'id': -2, 'n': 'k'}],
        'ranked': [{'id': 3, 'n': 'c'}, {'id': 1, 'n': 'a'}, {'id': 2, 'n': 'b'}, {'id': 1, 'n': 'z'}],
        'nums': [3, 1.5, 2, -1, True, 0],
        'dict': {'z': 1, 'a': 2, 'm': 3},
        'created_at': '2012-05-08 20:23:41', 'launched_at': '2012-05-08 20:23:47.985999', 'deleted_at': '',
        'tz_start': '2015-09-25T10:00:00+02:00', 'tz_end': '2015-09-25T08:30:00Z', 'bad_time': 'yesterday',
        'host': 'node1', 'nodename': 'n1.example', 'outcome': 'success',
        'name_to_id': 'host@backend#pool', 'image_meta': {'org.openstack__1__architecture': 'x86_64',
                                                          'base_image_ref': 'img'},
        'path': 'a/b/c', 'dup': [1, 1, 2],
    },
    'metadata': {'message_id': 'm-1', 'timestamp': '2024-01-01 00:00:00.123456'},
}

DOCUMENTS = {
    'edge': EDGE,
    'nulls': {'payload': None, 'ctxt': {}, 'a': {'b': None}, 'l': [None, None], 'n': None},
    'list-root': [{'a': 1}, {'a': 2, 'b': [3]}, 3, 's', None],
    'string-root': 'just.a.string',
    'empty': {},
}


# ---------------------------------------------------------------- expressions

def yaml_expressions():
    """Every JSONPath Ceilometer builds a Definition for from the four YAML files: expr -> event type matchers."""
    exprs = {}

    def add(cfg, matcher):
        fields = cfg.get('fields') if isinstance(cfg, dict) else cfg
        if isinstance(fields, list):
            fields = fields[0] if len(fields) == 1 else '|'.join('(%s)' % p for p in fields)
        if isinstance(fields, str):
            exprs.setdefault(fields, []).append(matcher)

    for path in METER_FILES:
        for m in yaml.safe_load(open(path))['metric']:
            types = m['event_type'] if isinstance(m['event_type'], list) else [m['event_type']]
            regexes = [re.compile(t) for t in types]
            matcher = lambda et, rs=regexes: any(r.match(et) for r in rs)  # noqa: E731
            for name in meter_notifications.MeterDefinition.SAMPLE_ATTRIBUTES:
                if m.get(name):
                    add(m[name], matcher)
            for cfg in (m.get('metadata') or {}).values():
                add(cfg, matcher)
            if m.get('user_metadata'):
                add(m['user_metadata'], matcher)
            add('ctxt.user_id|ctxt.user', matcher)
            add('ctxt.project_id|ctxt.tenant_id', matcher)
    for path in EVENT_FILES:
        for e in yaml.safe_load(open(path)):
            types = e['event_type'] if isinstance(e['event_type'], list) else [e['event_type']]
            inc = [t for t in types if not t.startswith('!')] or ['*']
            exc = [t[1:] for t in types if t.startswith('!')]
            matcher = lambda et, i=inc, x=exc: (any(fnmatch.fnmatch(et, t) for t in i)  # noqa: E731
                                                and not any(fnmatch.fnmatch(et, t) for t in x))
            for cfg in list(converter.EventDefinition.DEFAULT_TRAITS.values()) + list(e['traits'].values()):
                add(cfg, matcher)
    return exprs


EDGE_EXPRESSIONS = [
    # fields, quoting, roots
    '$', '@', '`this`', 'payload', '$.payload', 'payload.str', '$.payload.str', '$.$', 'payload.$', 'payload.@',
    'payload.missing', 'payload.null', 'payload.null.x', 'payload.str.x', 'payload.list.x', 'payload.int.x',
    "payload.'dotted.key'", 'payload."dotted.key"', "payload.image_meta.'org.openstack__1__architecture'",
    "payload.'org.openstack__1__architecture'", "payload.'with space'", 'payload."quote\'key"',
    "payload.'quote\\'key'", "payload.'where'", 'payload.where', "payload.'true_key'", 'payload.true_key',
    'payload.@at', "payload.'@at'", 'payload.a-b', "payload.'0'", "payload.''", 'payload["str"]', "payload['str']",
    'payload[str]', 'payload[str,int]', 'payload.str,int', 'payload.(str,int)', 'payload.(str)',
    'payload.*', 'payload.dict.*', 'payload.list.*', 'payload.str.*', 'payload.null.*', '*', '*.*',
    'payload.dict.(z,a)', 'payload.dict.(a,*)', 'payload.dict.a,a', '[str]', 'payload.[str]',
    'payload.nested.a.b.c', 'payload.nested.a.b.c.d', '$.payload.nested.a.b', 'ctxt.user_id', 'ctxt.user',
    'ctxt.user_id|ctxt.user', 'ctxt.project_id|ctxt.tenant_id', '(ctxt.user_id)|(ctxt.user)',
    '(payload.tenant_id)|(ctxt.project_id)', '(payload.null)|(payload.str)|(payload.int)', 'ctxt.(user|user_id)',
    # indexes and slices
    'payload.list[0]', 'payload.list[2]', 'payload.list[3]', 'payload.list[-1]', 'payload.list[-3]',
    'payload.list[-4]', 'payload.list.[0]', 'payload.list[*]', 'payload.list.[*]', 'payload.list[1:]',
    'payload.list[:2]', 'payload.list[-2:]', 'payload.list[:-1]', 'payload.list[5:]', 'payload.list[2:1]',
    'payload.list[:]', 'payload.list[-10:10]', 'payload.str[0]', 'payload.str[-1]', 'payload.str[10]',
    'payload.unicode[12]', 'payload.unicode[-1]', 'payload.empty[0]', 'payload.empty[-1]', 'payload.dict[0]',
    'payload.emptydict[0]', 'payload.emptydict[-1]', 'payload.int[0]', 'payload.null[0]', 'payload.float[0]',
    'payload.true[0]', 'payload.str[*]', 'payload.int[*]', 'payload.true[*]', 'payload.dict[*]',
    'payload.null[*]', 'payload.float[*]', 'payload.missing[*]', 'payload.emptylist[*]', 'payload.emptylist[0]',
    'payload.dict[0:]', 'payload.str[1:]', 'payload.int[:0]', 'payload.list[0][0]', 'payload.mixed[6][0]',
    'payload.mixed[*].k', 'payload.volume_attachment[0].server_id', '$.payload.metrics.[*].name',
    '$.payload.metrics[*].value', '$.payload.metrics.[*].unit', 'payload.nested.list[*].x',
    'payload.nested.list[*].y', 'payload.list[99999999999999999999]', 'payload.list[-99999999999999999999]',
    '[0]', '[*]', '[*].a', '[1:]', '[0].a', '[-1]', 'payload.list[0,1]', 'payload.list.[0].[0]',
    # descendants, where, union, intersect
    'payload..x', 'payload.nested..c', 'payload..name', '$..str', 'payload.nested..*', '$..[0]', 'payload..null',
    'payload.nested..`len`', 'payload.list..`this`', 'payload where str', 'payload.nested.list[*] where y',
    'payload.items[*] where tag', 'payload.metrics[*] where unit', 'payload.items[*] where missing',
    'payload.str | payload.int', 'payload.str|payload.int', 'payload.missing | payload.int', 'payload.(str|int)',
    'payload.str & payload.int', 'payload.list[*] | payload.dict.*',
    # this / parent
    'payload.str.`parent`', 'payload.nested.a.b.`parent`.b', 'payload.list[0].`parent`', '`parent`',
    'payload.`parent`', 'payload.`parent`.`parent`', '`this`.payload', '@.payload', 'payload.`this`',
    'payload.list[*].`parent`', 'payload.str[*].`parent`', '`parent`.x', '`parent`.`this`', '`parent`[0]',
    # len, sorted
    'payload.str.`len`', 'payload.list.`len`', 'payload.dict.`len`', 'payload.int.`len`', 'payload.null.`len`',
    'payload.unicode.`len`', '`len`', 'payload.`len`', 'payload.strlist.`sorted`', 'payload.list.`sorted`',
    'payload.dict.`sorted`', 'payload.nums.`sorted`', 'payload.mixed.`sorted`', 'payload.str.`sorted`',
    'payload.int.`sorted`', '`sorted`', 'payload.strlist.`sorted`[0]', 'payload.emptylist.`sorted`',
    'payload.dup.`sorted`', 'payload.ranked[/id]', 'payload.ranked[\\id]', 'payload.ranked[/id, /n]',
    'payload.ranked[/id,\\n]', 'payload.ranked[\\id][0].n', 'payload.items[/id]', 'payload.dict[/a]',
    'payload.str[/a]', 'payload.ranked[/missing]', 'payload.metrics[/name]', 'payload.ranked[/id] where n',
    'payload.str.`sorted` where x', 'payload.items[?`sorted`]', 'payload..`sorted`',
    # split, sub
    'publisher_id.`split(., 1, 1)`', 'publisher_id.`split(., 0, -1)`', 'publisher_id.`split(., 3, -1)`',
    'publisher_id.`split(., 9, -1)`', 'publisher_id.`split(., 0, 0)`', 'publisher_id.`split(-, 0, 1)`',
    'publisher_id.`split(., 1, 2)`', '$.payload.name_to_id.`split(#, 0, 1)`', '$.payload.name_to_id.`split(#, 1, 1)`',
    'payload.int.`split(., 0, -1)`', 'payload.list.`split(., 0, -1)`', 'payload.null.`split(., 0, -1)`',
    'payload.tabs.`split( , 1, -1)`', 'payload.path.`split(/, 2, -1)`', 'publisher_id.`split(., 1, 1)garbage`',
    'publisher_id.`split(., 99999999999999999999, -1)`', 'payload.unicode.`split(\u00f6, 1, -1)`',
    'payload.outcome.`sub(/.*/, )`', '$.payload.outcome.`sub(/.*/, )`', 'payload.str.`sub(/l+/, L)`',
    'payload.str.`sub(/x/, y)`', 'payload.str.`sub(/(h)(e)/, \\\\2\\\\1)`', 'payload.str.`sub(/l/, )`',
    'payload.str.`sub(/^/, >)`', 'payload.str.`sub(/(?P<first>h)/, \\\\g<first>H)`', 'payload.str.`sub(/o$/, 0)`',
    'payload.int.`sub(/7/, 8)`', 'payload.null.`sub(/a/, b)`', 'payload.str.`sub(/[el]/, _)`',
    'payload.str.`sub(/l{2}/, L)`', 'payload.str.`sub(/l{,2}/, L)`', 'payload.str.`sub(/\\\\w+/, W)`',
    'payload.unicode.`sub(/\\\\w+/, W)`', 'payload.str.`sub(/{/, L)`', 'payload.str.`sub(/x*/, -)`',
    'payload.str.`sub(/l/, \\\\n)`', 'payload.str.`sub(/l/, \\\\q)`', 'payload.str.`sub(/l/, \\\\9)`',
    'payload.str.`sub(/l/, $1)`', 'payload.str.`sub(/l/,  spaced  )`', 'payload.str.`sub(/[[]/, x)`',
    'payload.str.`sub(/a&&b/, x)`', 'payload.str.`sub(/\\\\d/, x)`', 'payload.str.`sub(/(?i)HELLO/, x)`',
    # arithmetic
    '$.payload.host + "_" + $.payload.nodename', '$.payload.host + _ + $.payload.nodename',
    "$.payload.outcome.`sub(/.*/, )` + 'identity.authenticate.' + $.payload.outcome",
    "$.payload.outcome - $.payload.outcome + 'identity.authenticate.' + $.payload.outcome",
    "$.payload.metrics[?(@.name='cpu.frequency')].value * 100", "$.payload.metrics[?(@.name='cpu.percent')].value * 100",
    'payload.int + payload.int', 'payload.int + payload.float', 'payload.float + payload.float',
    'payload.int - payload.neg', 'payload.int * payload.neg', 'payload.int * payload.float',
    'payload.str + payload.str', 'payload.str + payload.int', 'payload.str * payload.int',
    'payload.int * payload.str', 'payload.str * payload.neg', 'payload.str * payload.float', 'payload.str * 3',
    'payload.list + payload.list', 'payload.list * 2', 'payload.list + payload.str', 'payload.dict + payload.dict',
    'payload.true + payload.true', 'payload.true + payload.int', 'payload.true * payload.str',
    'payload.false * payload.str', 'payload.null + payload.int', 'payload.int + payload.null',
    'payload.bigint * payload.bigint', 'payload.bigint + payload.float', 'payload.big53 + 0.0',
    'payload.huge * payload.huge', 'payload.huge * 10', 'payload.tiny * 1', 'payload.floatint * 1',
    'payload.int + 1', 'payload.int + 1.5', 'payload.int - 1', 'payload.int * 2', 'payload.float * 2',
    'payload.int + -1', 'payload.int - -1', 'payload.float * 0.1', '1 + payload.int', '2.5 * payload.int',
    '1 + 2', '2 * 3 + 1', '1.5 + 2.5', '1 - 2 - 3', 'payload.int - 1 - 1', 'payload.int * 2 + 1',
    'payload.int + 1 * 2', 'a + b', 'payload.str + x', 'x + payload.str', 'payload.str + "!"',
    "payload.str + '!' + payload.str", 'payload.list[*] + payload.list[*]', 'payload.list[*] * 2',
    'payload.list[*] + payload.int', 'payload.list[*] + payload.strlist[*]', 'payload.mixed[*] + 1',
    'payload.missing + 1', 'payload.missing + payload.int', 'payload.int + payload.missing',
    'payload.int + payload.list[*]', 'payload.int / 2', 'payload.int / 0', 'payload.int * payload.int.`len`',
    '(payload.int + 1).x', 'payload.int + 1.x', '(payload.int + 1)[0]', 'payload.(int + 1)',
    'payload.int + 1 | payload.str', '(payload.int + 1) | payload.str', 'payload.str + payload.int | payload.str',
    'payload.int + (1)', 'payload.int + *', 'payload.int + [str]', 'payload.int + `len`', '`len` + 1',
    'payload.int + payload.str.`len`', 'payload.str.`len` * payload.str', 'payload.list.`len` - 1',
    # filters
    '$.payload.glance_metadata[?key=image_id].value', 'payload.glance_metadata[?key = image_id].value',
    "payload.glance_metadata[?(@.key='image_id')].value", 'payload.glance_metadata[?key==other].value',
    'payload.glance_metadata[?key!=image_id].value', "$.payload.metrics[?(@.name='cpu.frequency')].value",
    "$.payload.metrics[?(@.name='cpu.frequency')].timestamp", "$.payload.metrics[?(@.name='cpu.user.time')]",
    'payload.metrics[?name].name', 'payload.metrics[?(@.name)].value', 'payload.metrics[?unit & source].name',
    'payload.metrics[?(unit) & (source)].name', 'payload.metrics[?(unit & source)].name',
    'payload.items[?id>1].n', 'payload.items[?id>=1].n', 'payload.items[?id<2].n', 'payload.items[?id<=2].n',
    'payload.items[?id=2].n', 'payload.items[?id==4].n', 'payload.items[?id!=1].n', 'payload.items[?id=7].n',
    'payload.items[?id>1.5].n', 'payload.items[?id=2.5].n', 'payload.items[?id!=2.5].n', 'payload.items[?id=abc].n',
    'payload.items[?id=true].n', 'payload.items[?id=false].n', 'payload.items[?id>-3].n', 'payload.items[?id=-2].n',
    'payload.items[?id~a].n', 'payload.items[?n~[a-c]].n', 'payload.items[?n~b].id', "payload.items[?n~'^(a|b)'].n",
    'payload.items[?n>b].n', 'payload.items[?n<c].n', 'payload.items[?n>1].n', 'payload.items[?tag=x].n',
    'payload.items[?tag].n', 'payload.items[?id>1 & n>b].n', 'payload.items[?(id>1) & (n>b)].n',
    'payload.items[?(id>1 & n>b)].n', 'payload.items[?(@.id>1)].n', 'payload.items[?$.id>1].n',
    'payload.items[?@.id>1].n', 'payload.items[?`this`.id>1].n', 'payload.items[?`parent`].n',
    'payload.items[?`parent`.n].n', 'payload.items[?n.`len`>0].n', 'payload.items[?id.`len`].n',
    'payload.dict[?a].a', 'payload.str[?a]', 'payload.list[?`this`>1]', 'payload.list[?`this`=2]',
    'payload.list[?@>1]', 'payload.nums[?`this`>1]', 'payload.mixed[?`this`]', 'payload.mixed[?`this`=a]',
    'payload.mixed[?`this`>0]', 'payload.mixed[?`this`>0.5]', 'payload.strlist[?`this`>b]', 'payload.nums[?@=1]',
    'payload.nums[?@=1.0]', 'payload.nums[?@=true]', 'payload.metrics[?value>100].name',
    'payload.metrics[?value>0.5].name', 'payload.metrics[?name=cpu.percent].value',
    "payload.metrics[?name='cpu.percent'].value", 'payload.metrics[?name="cpu.percent"].value',
    'payload.metrics[?(name = cpu.percent)].value', 'payload.metrics[?unit=MHz][0].value',
    'payload.metrics[?name~cpu].unit', 'payload.metrics[?name~.*time].unit', 'payload.metrics[?name~(].unit',
    'payload.metrics[?name~true].unit', 'payload.metrics[?value~1].name', 'payload.items[?n~a].n',
    'payload.nested.list[?x=2].y', 'payload.nested.list[?y].x', 'payload.items[?id=1]', 'payload.items[?id=1].`parent`',
    'payload.items[?id=1].n.`parent`.id', 'payload.items[?missing=1].n', 'payload.items[?id=1,n=a].n',
    '[?a=1]', '[?a].a', '[?@=3]', 'payload[?a]', 'payload.items[?id=1] where n',
    'payload.items[?(id)].n', 'payload.items[?((id))].n', 'payload.items[?(id>1) & n].n',
    # odd spellings the grammar accepts
    'payload . str', ' payload.str ', 'payload\t.str', 'payload\n.str', '($.payload).str', '(payload).(str)',
    '((payload.str))', 'payload..str', 'payload...str', 'payload.list.[*].`len`', 'payload.list[*].`sorted`',
    'payload.list.`len`.`len`', 'payload.str where `len`', 'payload where `parent`', 'payload.list[1:].`len`',
    'payload.list[*][0]', 'payload.str`len`', '$payload', '$[str]', 'payload[0:1][0]', '"payload".str',
    'payload.dict.*.`parent`', 'payload.items[*].id.`sorted`', 'true', 'false', 'payload.true', 'payload.false',
    'payload.trueish', 'where', 'payload.where.x', '@payload', 'payload.nested.a.(b.c)', 'payload.(nested.a).b',
]

SYNTAX_ERRORS = [
    '', ' ', '.', '..', 'payload.', '.payload', 'payload..', 'payload.[', 'payload[', 'payload]', 'payload[]',
    'payload[str', 'payload(', '(payload', 'payload)', "payload.'str", 'payload."str', 'payload.`len',
    'payload.`foo`', 'payload.`split(.,1,1)`', 'payload.`split(., a, 1)`', 'payload.`split(., 1, -2)`',
    'payload.`sub(x)`', 'payload.`sub(/[/, x)`', 'payload.`sub(/a/,x)`', 'payload.`split`', 'payload.`sub`',
    'payload.`sorted(x)`', 'payload.`Len`', 'payload.!', 'payload.#x', 'payload.%', 'payload.a b', '1',
    '1.5', '-1', 'payload.1', 'payload.-1', 'payload.[1.5]', 'payload[?]', 'payload[?a=]', 'payload[?=a]',
    'payload[?a=b=c]', 'payload[?a=[1]]', 'payload[?a=$]', 'payload[?a=@]', 'payload[?a & ]', 'payload[1,2]',
    'payload[1:2:3]', 'payload[a:b]', 'payload[**]', 'payload[*,a]', 'payload.*.*.', '$$', '@@', 'payload |',
    '| payload', 'payload where', 'where payload', 'payload & ', 'payload +', '+ payload', 'payload + + 1',
    'payload * * 1', 'payload / x', 'payload.int / 2.0', 'payload.int \\ 2', 'payload.int % 2', 'payload,',
    ',payload', 'payload.str,', 'payload[/]', 'payload[/id', 'payload[/ /id]', 'payload.\u00e9',
    'payload.\r.str', "payload.'a\\\n'", "payload.'a\\", 'payload.`a\\', 'payload[?(a]', 'payload[?a)]',
    'payload[(a)]', 'payload.(a', 'payload.()', '()', '[]', '[?]', '[/]', 'a:b', 'payload:str', 'payload?',
    'payload.str ~ a', 'payload = 1', 'payload.int > 1', 'payload[?a~]', 'payload[?a~1.5.]',
    'payload.`split(., 1, 1)', 'payload[0', 'payload[-]', 'payload[- 1]', 'payload[1 :2]x', 'trueish',
    'payload.a=b', 'x = y', '1 2', 'a b c', 'payload.str + 1 2',
]


def fuzz_expressions(count, seed):
    """Random expressions: built from grammar fragments (mostly valid) and from token soup (mostly not)."""
    rnd = random.Random(seed)
    names = ['payload', 'str', 'int', 'float', 'list', 'dict', 'nested', 'items', 'metrics', 'a', 'b', 'x', 'id',
             'n', 'name', 'null', 'true', "'dotted.key'", '"str"', '*', 'where', 'value', 'tag']
    atoms = ['$', '@', '`this`', '`parent`', '`len`', '`sorted`', '`split(., 0, -1)`', '`sub(/l/, L)`',
             '[0]', '[-1]', '[*]', '[1:]', '[:2]', '[str,int]', '1', '2.5', '-1']
    postfix = ['[0]', '[-1]', '[*]', '[1:]', '[:-1]', '[?id>1]', '[?(@.name=cpu.percent)]', '[/id]', '[\\n]',
               '[?x]', '[?id=true]', '[?n~a]', '[?id>1 & n]', '[str]', '[a,b]']
    binops = ['.', '.', '.', '..', ' where ', '|', ' | ', '&', ' + ', ' - ', ' * ', '/', ',']

    def structured(depth):
        r = rnd.random()
        if depth <= 0 or r < 0.3:
            return rnd.choice(names if rnd.random() < 0.7 else atoms)
        if r < 0.75:
            return structured(depth - 1) + rnd.choice(binops) + structured(depth - 1)
        if r < 0.9:
            return structured(depth - 1) + rnd.choice(postfix)
        return '(' + structured(depth - 1) + ')'

    tokens = names + atoms + postfix + ['.', '..', '[', ']', '(', ')', '?', '&', '|', '+', '-', '*', '/', ',', ':',
                                       '=', '>', '~', 'where', '$', '@', ' ', '\\']
    out = []
    seen = set()
    while len(out) < count:
        if rnd.random() < 0.75:
            e = structured(rnd.randint(1, 4))
        else:
            e = ''.join(rnd.choice(tokens) for _ in range(rnd.randint(1, 6)))
        if e not in seen:
            seen.add(e)
            out.append(e)
    return out


# ---------------------------------------------------------------- evaluation

def find(expr_tree, doc):
    try:
        return {'matches': [['.'.join(PATHS._get_path(m)), m.value] for m in expr_tree.find(doc)]}
    except Exception as e:  # noqa: BLE001 - recording what Python raises is the point
        return {'error': error_name(e)}


def case(expr, doc_ids, docs, keep=lambda doc_id, result: True):
    c = {'expr': expr}
    try:
        t = parse(expr)
    except Exception as e:  # noqa: BLE001
        c['syntaxError'] = error_name(e)
        return c
    c['tree'] = tree(t)
    results = []
    for doc_id in doc_ids:
        r = find(t, docs[doc_id])
        if keep(doc_id, r):
            results.append(dict({'doc': doc_id}, **r))
    c['results'] = results
    return c


def is_plain(t):
    """A chain of single field names: the same walk on every document, so a few documents show it works."""
    if isinstance(t, J.Child):
        return is_plain(t.left) and is_plain(t.right)
    return isinstance(t, J.Root) or (isinstance(t, J.Fields) and len(t.fields) == 1 and t.fields[0] != '*')


def yaml_cases(corpus):
    """Each YAML expression on the corpus notifications its definitions apply to: every error, the first two empty
    results, and the non-empty results -- all of them for expressions with filters, operators and the like; for a
    plain dotted path, one notification per event type and at most ten (they are the same walk every time)."""
    cases = []
    for expr, matchers in sorted(yaml_expressions().items()):
        ids = sorted(i for i, d in corpus.items() if any(m(d['event_type']) for m in matchers))
        plain = is_plain(parse(expr))
        empties, types, kept = [], set(), []

        def keep(doc_id, r):
            if 'error' in r:
                return True
            if r['matches'] == []:
                empties.append(doc_id)
                return len(empties) <= 2
            if plain:
                event_type = corpus[doc_id]['event_type']
                if event_type in types or len(kept) >= 10:
                    return False
                types.add(event_type)
            kept.append(doc_id)
            return True

        c = case(expr, ids, corpus, keep)
        c['source'] = 'yaml'
        cases.append(c)
    return cases


# ---------------------------------------------------------------- definitions

DEFINITIONS = [
    ('plain', 'payload.str'), ('dotted', '$.payload.nested.a.b.c'), ('missing', 'payload.missing'),
    ('null', 'payload.null'), ('list1', ['payload.str']), ('list2', ['payload.missing', 'payload.str']),
    ('listnull', ['payload.null', 'payload.int']), ('list3', ['payload.null', 'payload.missing', 'ctxt.user_id']),
    ('emptylist', []), ('listint', [5]), ('listmixed', [1, 'payload.str']), ('constant', 5), ('zero', 0),
    ('bool', True), ('float', 1.5), ('none', None), ('dictfields', {'fields': 'payload.int'}),
    ('dictlist', {'fields': ['payload.missing', 'payload.int'], 'type': 'int'}), ('dictconst', {'fields': 3}),
    ('nofields', {'type': 'int'}), ('badsyntax', 'payload.['), ('badsyntax2', {'fields': ['payload.str', 'a..']}),
    ('badop', 'payload.`nope`'), ('multi', 'payload.list[*]'), ('withnulls', 'payload.mixed[*]'),
    ('fallback_user', 'ctxt.user_id|ctxt.user'), ('fallback_project', 'ctxt.project_id|ctxt.tenant_id'),
    ('service', {'type': 'text', 'fields': 'publisher_id'}),
    ('raising', 'payload.dict[0]'), ('raising_all', 'payload.null[*]'),
    ('operation', '$.payload.host + "_" + $.payload.nodename'),
    ('split_default', {'fields': 'publisher_id', 'plugin': 'split'}),
    ('split_named', {'fields': 'publisher_id', 'plugin': {'name': 'split'}}),
    ('split_params', {'fields': 'publisher_id',
                      'plugin': {'name': 'split', 'parameters': {'segment': 1, 'max_split': 1}}}),
    ('split_last', {'fields': 'publisher_id', 'plugin': {'name': 'split', 'parameters': {'segment': -1}}}),
    ('split_out_of_range', {'fields': 'publisher_id', 'plugin': {'name': 'split', 'parameters': {'segment': 9}}}),
    ('split_sep', {'fields': 'publisher_id',
                   'plugin': {'name': 'split', 'parameters': {'separator': '-', 'segment': 1}}}),
    ('split_long_sep', {'fields': 'publisher_id',
                        'plugin': {'name': 'split', 'parameters': {'separator': '.example', 'segment': 0}}}),
    ('split_whitespace', {'fields': 'payload.tabs',
                          'plugin': {'name': 'split', 'parameters': {'separator': None, 'segment': 1}}}),
    ('split_whitespace_max', {'fields': 'payload.tabs', 'plugin': {
        'name': 'split', 'parameters': {'separator': None, 'segment': -1, 'max_split': 1}}}),
    ('split_max0', {'fields': 'publisher_id',
                    'plugin': {'name': 'split', 'parameters': {'segment': 0, 'max_split': 0}}}),
    ('split_null_params', {'fields': 'publisher_id', 'plugin': {'name': 'split', 'parameters': None}}),
    ('split_unknown_param', {'fields': 'publisher_id',
                             'plugin': {'name': 'split', 'parameters': {'segment': 1, 'colour': 'red'}}}),
    ('split_int', {'fields': 'payload.int', 'plugin': 'split'}),
    ('split_float', {'fields': 'payload.float', 'plugin': 'split'}),
    ('split_huge', {'fields': 'payload.huge', 'plugin': {'name': 'split', 'parameters': {'separator': 'x'}}}),
    ('split_tiny', {'fields': 'payload.tiny', 'plugin': {'name': 'split', 'parameters': {'separator': 'x'}}}),
    ('split_bool', {'fields': "payload.'true'", 'plugin': {'name': 'split', 'parameters': {'separator': 'x'}}}),
    ('split_list', {'fields': 'payload.mixed', 'plugin': {'name': 'split', 'parameters': {'separator': '|'}}}),
    ('split_dict', {'fields': 'payload.nested', 'plugin': {'name': 'split', 'parameters': {'separator': '|'}}}),
    ('split_unicode', {'fields': 'payload.unicode', 'plugin': {'name': 'split', 'parameters': {'separator': ' '}}}),
    ('split_strlist', {'fields': 'payload.strlist', 'plugin': {'name': 'split', 'parameters': {'separator': '|'}}}),
    ('split_quotes', {'fields': 'payload', 'plugin': {'name': 'split', 'parameters': {'separator': '|'}}}),
    ('split_many', {'fields': ['payload.str', 'publisher_id', 'payload.null', 'payload.list[*]'],
                    'plugin': {'name': 'split', 'parameters': {'separator': 'l', 'segment': 1}}}),
    ('split_path_arg', {'fields': 'payload.path', 'plugin': {'name': 'split', 'parameters': {'separator': '/',
                                                                                          'segment': 2}}}),
    ('bitfield', {'fields': ['payload.str', 'payload.null', 'payload.int', 'payload.missing', 'payload.float',
                             "payload.'true'", 'payload.list'],
                  'plugin': {'name': 'bitfield', 'parameters': {'initial_bitfield': 0, 'flags': [
                      {'path': 'payload.str', 'bit': 0}, {'path': 'payload.int', 'bit': 1, 'value': 7},
                      {'path': 'payload.int', 'bit': 2, 'value': 8}, {'path': 'payload.missing', 'bit': 3},
                      {'path': 'payload.null', 'bit': 4}, {'path': 'payload.float', 'bit': '5', 'value': 2.5},
                      {'path': 'payload.true', 'bit': 6, 'value': 1}, {'path': 'payload.list', 'bit': 7,
                                                                        'value': [1, 2, 3]},
                      {'path': 'payload.int', 'bit': 8, 'value': 7.0}, {'path': 'payload.str', 'bit': 9,
                                                                          'value': 'hello'},
                      {'path': 'payload.str', 'bit': 10, 'value': None}]}}}),
    ('bitfield_initial', {'fields': 'payload.str', 'plugin': {'name': 'bitfield', 'parameters': {
        'initial_bitfield': 1024, 'flags': [{'path': 'payload.str', 'bit': 70}]}}}),
    ('bitfield_noflags', {'fields': 'payload.str', 'plugin': 'bitfield'}),
    ('bitfield_index_paths', {'fields': 'payload.list[*]', 'plugin': {'name': 'bitfield', 'parameters': {
        'flags': [{'path': 'payload.list.[1]', 'bit': 0, 'value': 2}, {'path': 'payload.list.[5]', 'bit': 1}]}}}),
    ('bitfield_dotted_key', {'fields': "payload.'dotted.key'", 'plugin': {'name': 'bitfield', 'parameters': {
        'flags': [{'path': 'payload.dotted.key', 'bit': 0}]}}}),
    ('bitfield_last_wins', {'fields': ['payload.int', 'payload.int'], 'plugin': {'name': 'bitfield', 'parameters': {
        'flags': [{'path': 'payload.int', 'bit': 0, 'value': 7}]}}}),
    ('timedelta', {'fields': ['payload.created_at', 'payload.launched_at'], 'plugin': 'timedelta'}),
    ('timedelta_reversed', {'fields': ['payload.launched_at', 'payload.created_at'], 'plugin': 'timedelta'}),
    ('timedelta_tz', {'fields': ['payload.tz_start', 'payload.tz_end'], 'plugin': 'timedelta'}),
    ('timedelta_one', {'fields': ['payload.created_at', 'payload.missing'], 'plugin': 'timedelta'}),
    ('timedelta_three', {'fields': ['payload.created_at', 'payload.launched_at', 'payload.tz_end'],
                         'plugin': 'timedelta'}),
    ('timedelta_null', {'fields': ['payload.created_at', 'payload.null', 'payload.launched_at'],
                        'plugin': 'timedelta'}),
    ('timedelta_bad', {'fields': ['payload.created_at', 'payload.bad_time'], 'plugin': 'timedelta'}),
    ('timedelta_empty', {'fields': ['payload.created_at', 'payload.deleted_at'], 'plugin': 'timedelta'}),
    ('timedelta_int', {'fields': ['payload.int', 'payload.int'], 'plugin': 'timedelta'}),
    ('timedelta_same', {'fields': ['payload.created_at', 'payload.created_at'], 'plugin': 'timedelta'}),
    ('timedelta_params', {'fields': ['payload.created_at', 'payload.launched_at'],
                          'plugin': {'name': 'timedelta', 'parameters': {'anything': 1}}}),
    ('timedelta_meta', {'fields': ['$.metadata.timestamp', '$.payload.created_at'], 'plugin': 'timedelta'}),
    ('audit_period', {'fields': ['$.payload.audit_period_beginning', '$.payload.audit_period_ending'],
                      'plugin': 'timedelta'}),
    ('unknown_plugin', {'fields': 'payload.str', 'plugin': 'foo'}),
    ('unknown_plugin_dict', {'fields': 'payload.str', 'plugin': {'name': 'foo'}}),
    ('plugin_without_name', {'fields': 'payload.str', 'plugin': {'parameters': {}}}),
    ('plugin_and_bad_fields', {'fields': 'payload.[', 'plugin': 'foo'}),
    (None, '$.payload.nested'),
]

TIME_DOCS = {
    'times-%d' % i: {'payload': {'created_at': a, 'launched_at': b}, 'metadata': {'timestamp': b}}
    for i, (a, b) in enumerate([
        ('2012-05-08 20:23:41', '2012-05-08T20:23:47.985999'),
        ('2012-05-08T20:23:41Z', '2012-05-08T22:23:41+02:00'),
        ('2012-05-08', '2012-05-09'),
        ('20120508T202341', '2012-05-08 20:23:41.5'),
        ('2012-05-08 20:23:41.123456789', '2012-05-08 20:23:41'),
        ('2015-09-25 1541:14', '2015-09-25 15:41:15'),
        ('2012-05-08T20:23:41-0130', '2012-05-08T20:23:41+01'),
        ('2012-13-08 20:23:41', '2012-05-08 20:23:41'),
        ('not a time', '2012-05-08 20:23:41'),
        ('', '2012-05-08 20:23:41'),
        (' 2012-05-08 20:23:41 ', '2012-05-08 20:23:41'),
        ('2012-05-08 20:23:41,5', '2012-05-08 20:23:42'),
        ('2012', '2013'),
        ('1970-01-01T00:00:00Z', '2100-01-01T00:00:00.000001Z'),
        ('2012-05-08 20:23:41\n', '2012-05-08 20:23:42'),
        ('2012-05-08 20:23:41 ', '2012-05-08 20:23:42'),
        ('2012-05-08 20:23:41\n\n', '2012-05-08 20:23:42'),
        ('\t2012-05-08 20:23:41', '2012-05-08 20:23:42'),
        ('0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999Z'),
    ])
}


def definition_result(defn, doc):
    r = {}
    try:
        r['first'] = defn.parse(doc)
    except Exception as e:  # noqa: BLE001
        r['firstError'] = error_name(e)
    try:
        r['all'] = defn.parse(doc, return_all_values=True)
    except declarative.DefinitionException as e:
        r['allError'] = 'DefinitionException: ' + e.brief_message
    except Exception as e:  # noqa: BLE001
        r['allError'] = error_name(e)
    return r


def definition_case(name, cfg, doc_ids, docs, keep=lambda r: True):
    c = {'name': name, 'config': cfg}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            defn = declarative.Definition(name, cfg, PLUGINS)
    except declarative.DefinitionException as e:
        c['error'] = e.brief_message
        return c
    except Exception as e:  # noqa: BLE001
        c['error'] = error_name(e)
        return c
    results = []
    for doc_id in doc_ids:
        r = definition_result(defn, docs[doc_id])
        if keep(r):
            results.append(dict({'doc': doc_id}, **r))
    c['results'] = results
    return c


def yaml_plugin_definitions(corpus):
    """The YAML definitions with a plugin (timedelta), on every corpus notification their definitions apply to."""
    out = []
    for path in METER_FILES:
        for m in yaml.safe_load(open(path))['metric']:
            types = m['event_type'] if isinstance(m['event_type'], list) else [m['event_type']]
            regexes = [re.compile(t) for t in types]
            for name in meter_notifications.MeterDefinition.SAMPLE_ATTRIBUTES:
                cfg = m.get(name)
                if isinstance(cfg, dict) and 'plugin' in cfg:
                    ids = sorted(i for i, d in corpus.items() if any(r.match(d['event_type']) for r in regexes))
                    out.append(definition_case(name, cfg, ids, corpus))
    return out


def main():
    corpus = load_corpus()
    docs = dict(DOCUMENTS)
    docs.update(TIME_DOCS)
    all_docs = dict(docs)
    all_docs.update(corpus)
    edge_ids = list(DOCUMENTS)

    cases = yaml_cases(corpus)
    seen = {c['expr'] for c in cases}
    for expr in EDGE_EXPRESSIONS + SYNTAX_ERRORS:
        if expr not in seen:
            seen.add(expr)
            c = case(expr, edge_ids, docs)
            c['source'] = 'edge'
            cases.append(c)
    for expr in fuzz_expressions(1500, 20240601):
        if expr not in seen:
            seen.add(expr)
            c = case(expr, ['edge', 'list-root'], docs)
            c['source'] = 'fuzz'
            cases.append(c)

    definitions = []
    for name, cfg in DEFINITIONS:
        definitions.append(definition_case(name, cfg, edge_ids + sorted(TIME_DOCS), docs))
    definitions += yaml_plugin_definitions(corpus)

    golden = {
        'generator': 'mediation/src/test/resources/jsonpath/generate_golden.py',
        'versions': {'jsonpath_rw': version('jsonpath-rw'), 'jsonpath_rw_ext': version('jsonpath-rw-ext'),
                     'ply': ply.__version__, 'ceilometer': version('ceilometer'),
                     'python': platform.python_version()},
        'corpus': 'corpus/notifications.jsonl',
        'parseTable': ply_table(),
        'documents': docs,
        'cases': cases,
        'definitions': definitions,
    }
    with open(os.path.join(HERE, 'golden.json'), 'w') as f:
        json.dump(golden, f, ensure_ascii=False, separators=(',', ':'))
        f.write('\n')
    n_results = sum(len(c.get('results', [])) for c in cases)
    n_def = sum(len(d.get('results', [])) for d in definitions)
    print('%d cases (%d syntax errors), %d results; %d definitions, %d results' % (
        len(cases), sum('syntaxError' in c for c in cases), n_results, len(definitions), n_def))


if __name__ == '__main__':
    main()
