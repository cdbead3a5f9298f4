#!/usr/bin/env python3
# Parses the output of dump_report with Python's JSON parser: it must be
# valid JSON, laid out exactly as json.dumps(indent=2, ensure_ascii=False)
# would lay it out, and carry the fields SPEC §3 and SARIF 2.1.0 require.
import json
import subprocess
import sys

exe, kind = sys.argv[1], sys.argv[2]
text = subprocess.run([exe, kind], check=True, stdout=subprocess.PIPE).stdout.decode('utf-8')
doc = json.loads(text)
assert text == json.dumps(doc, indent=2, ensure_ascii=False) + '\n', 'layout differs from json.dumps'


def check_findings(doc):
    assert list(doc) == ['tool', 'profile', 'profile_version', 'findings', 'summary'], list(doc)
    assert doc['profile'] == 'intermediate' and doc['profile_version'] == '6.0', doc
    assert doc['tool'] == {'name': 'tlslint', 'version': doc['tool']['version']}
    keys = ['check', 'severity', 'message', 'file', 'line', 'column', 'server', 'site',
            'clients_see', 'fix', 'related']
    merged = keys[:8] + ['scope', 'sites'] + keys[8:]
    for f in doc['findings']:
        # A finding made for many sites adds its level and its sites.
        assert list(f) == (merged if 'sites' in f else keys), list(f)
        assert all(r['file'] for r in f['related']), f['related']
        assert f['severity'] in ('error', 'warning', 'info')
        assert (f['file'] is None) == (f['line'] is None) == (f['column'] is None)
    odd = doc['findings'][-1]
    assert odd['file'] == 'odd dir/"q"\\%.conf', odd['file']
    assert odd['message'] == 'ctl \x01\x1f tab\t nl\n bad \ufffd\ufffd end \u20ac \ufffd\ufffd\ufffd', \
        repr(odd['message'])
    counts = {s: sum(f['severity'] == s for f in doc['findings']) for s in ('error', 'warning', 'info')}
    assert doc['summary'] == dict(files=3, sites=4, certificates=5, **counts), doc['summary']


def check_sarif(doc):
    assert doc['$schema'] == 'https://json.schemastore.org/sarif-2.1.0.json'
    assert doc['version'] == '2.1.0'
    assert len(doc['runs']) == 1
    run = doc['runs'][0]
    rules = run['tool']['driver']['rules']
    # The profile the run measured against, pinned by version as in JSON.
    assert run['properties'] == {'profile': 'intermediate', 'profile_version': '6.0'}, run.get('properties')
    ids = [r['id'] for r in rules]
    assert ids == sorted(ids) and len(ids) > 0
    for r in rules:
        assert r['shortDescription']['text'] and r['fullDescription']['text']
        assert r['helpUri'].startswith('https://') and r['helpUri'].endswith('docs/checks/%s.md' % r['id'])
        assert r['defaultConfiguration']['level'] in ('error', 'warning', 'note')
    for res in run['results']:
        assert res['level'] in ('error', 'warning', 'note')
        assert res['message']['text']
        if 'ruleIndex' in res:
            assert rules[res['ruleIndex']]['id'] == res['ruleId']
        for loc in res.get('locations', []):
            region = loc['physicalLocation']['region']
            assert region['startLine'] >= 1 and region['endColumn'] > region['startColumn'] >= 1
    bases = run['originalUriBaseIds']
    assert all(b['uri'].startswith('file:///') and b['uri'].endswith('/') for b in bases.values())
    arts = [loc['physicalLocation']['artifactLocation']
            for res in run['results']
            for loc in res.get('locations', []) + res.get('relatedLocations', [])
            if 'physicalLocation' in loc]
    assert all(a['uriBaseId'] in bases and not a['uri'].startswith('/') for a in arts), arts
    uris = [a['uri'] for a in arts]
    assert 'odd%20dir/%22q%22%5C%25.conf' in uris, uris


def check_checks(doc):
    assert list(doc) == ['checks']
    for c in doc['checks']:
        assert list(c) == ['id', 'severity', 'family', 'summary', 'docs']
        assert c['docs'] == 'docs/checks/%s.md' % c['id']


{'json': check_findings, 'sarif': check_sarif, 'checks': check_checks}[kind](doc)
print('ok', kind)
