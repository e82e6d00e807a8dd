#!/usr/bin/env python3
"""Prints a Markdown table of what each corpus export holds (used for src/test/resources/corpus/README.md).

    python3 ci/corpus/counts.py src/test/resources/corpus/keycloak-*/*.json
"""
import collections, json, os, sys


def groups(gs, depth=1):
    n, d = 0, 0
    for g in gs or []:
        sn, sd = groups(g.get('subGroups'), depth + 1)
        n, d = n + 1 + sn, max(d, depth, sd)
    return n, d


def count(path):
    r = json.load(open(path))
    c = collections.OrderedDict()
    c['file'] = os.path.basename(os.path.dirname(path)) + '/' + os.path.basename(path)
    c['keycloakVersion'] = r.get('keycloakVersion', '-')
    gn, gd = groups(r.get('groups'))
    c['groups (depth)'] = f'{gn} ({gd})'
    roles = r.get('roles') or {}
    realm_roles = roles.get('realm') or []
    client_roles = [x for v in (roles.get('client') or {}).values() for x in v]
    c['realm roles (composite)'] = f"{len(realm_roles)} ({sum(1 for x in realm_roles if x.get('composite'))})"
    c['client roles (composite)'] = f"{len(client_roles)} ({sum(1 for x in client_roles if x.get('composite'))})"
    users = r.get('users') or []
    c['users (with credentials)'] = f"{len(users)} ({sum(1 for u in users if u.get('credentials'))})"
    c['clients'] = len(r.get('clients') or [])
    c['client scopes'] = len(r.get('clientScopes') or [])
    c['IdPs / IdP mappers'] = f"{len(r.get('identityProviders') or [])} / {len(r.get('identityProviderMappers') or [])}"
    flows = r.get('authenticationFlows') or []
    c['flows (top-level, custom)'] = f"{len(flows)} ({sum(1 for f in flows if f.get('topLevel'))}, {sum(1 for f in flows if not f.get('builtIn'))})"
    c['executions'] = sum(len(f.get('authenticationExecutions') or []) for f in flows)
    c['authenticator configs'] = len(r.get('authenticatorConfig') or [])
    c['required actions'] = len(r.get('requiredActions') or [])
    comps = collections.Counter()

    def walk(cs):
        for ptype, lst in (cs or {}).items():
            for x in lst:
                comps[ptype.split('.')[-1]] += 1
                walk(x.get('subComponents'))
    walk(r.get('components'))
    c['components by providerType'] = ', '.join(f'{k} {v}' for k, v in sorted(comps.items())) or '-'
    res = pol = perm = 0
    for cl in r.get('clients') or []:
        a = cl.get('authorizationSettings')
        if a:
            res += len(a.get('resources') or [])
            ps = a.get('policies') or []
            perm += sum(1 for p in ps if p.get('type') in ('resource', 'scope'))
            pol += sum(1 for p in ps if p.get('type') not in ('resource', 'scope'))
    c['authz resources / policies / permissions'] = f'{res} / {pol} / {perm}'
    c['organizations'] = len(r.get('organizations') or [])
    return c


rows = [count(p) for p in sys.argv[1:]]
if rows:
    keys = list(rows[0].keys())
    print('| ' + ' | '.join(keys) + ' |')
    print('|' + '---|' * len(keys))
    for row in rows:
        print('| ' + ' | '.join(str(row[k]) for k in keys) + ' |')
