#!/usr/bin/env python3
"""Fills a golden SQL file's expected results from a real PostgreSQL: pgfill.py draft.sql > feature.sql

Runs as root on a machine with a local PostgreSQL cluster (it creates and drops a scratch database as the
postgres user). Each case of the draft runs in its own psql call against that database; query cases get the
rows PostgreSQL printed, statement cases get PostgreSQL's SQLSTATE when it fails. Disagreements with the draft's
headers are reported on stderr. Empty strings inside multi-column rows must still be written (empty) by hand.
See docs/sql.md.
"""
import subprocess, sys, re, uuid
src = open(sys.argv[1]).read().split('\n')
db = 'g' + uuid.uuid4().hex[:10]
subprocess.run(['su', 'postgres', '-c', f'createdb {db}'], check=True)
def run(sql):
    p = subprocess.run(['su', 'postgres', '-c', f"psql -X -q -A -t -F '|' -d {db} -v VERBOSITY=sqlstate -P null=NULL -f -"],
                       input='\\set VERBOSITY sqlstate\n' + sql + ';\n', capture_output=True, text=True)
    return p.stdout, p.stderr
out = []
i = 0
while i < len(src):
    line = src[i]
    s = line.strip()
    if not s or s.startswith('#'):
        out.append(line); i += 1; continue
    header = s; i += 1
    sql = []
    while i < len(src) and src[i].strip() and src[i].strip() != '----':
        sql.append(src[i]); i += 1
    if i < len(src) and src[i].strip() == '----':
        i += 1
        while i < len(src) and src[i].strip():
            i += 1
    stdout, stderr = run('\n'.join(sql))
    m = re.search(r'ERROR:\s+([0-9A-Z]{5})', stderr)
    kind = header.split()
    if kind[0] == 'query':
        if m:
            sys.stderr.write(f'PG ERROR {m.group(1)} for query: {sql}\n')
            out.append(f'statement error {m.group(1)}'); out += sql; continue
        out.append(header); out += sql; out.append('----')
        rows = [r if r != '' else '(empty)' for r in stdout.split('\n')[:-1]] if stdout else []
        out += rows
    elif kind[0] == 'statement':
        if m:
            if kind[1] != 'error':
                sys.stderr.write(f'PG ERROR {m.group(1)} for statement ok: {sql}\n')
            msg = ' '.join(kind[3:]) if kind[1] == 'error' and len(kind) > 3 else ''
            out.append(f'statement error {m.group(1)}' + (' ' + msg if msg else '')); out += sql
        else:
            if kind[1] == 'error':
                sys.stderr.write(f'PG OK for statement error: {sql}\n')
            out.append(header); out += sql
    else:
        out.append(header); out += sql
subprocess.run(['su', 'postgres', '-c', f'dropdb {db}'], check=True)
print('\n'.join(out).rstrip('\n'))
