#!/usr/bin/env python3
"""Writes fixtures/rules/<rule-id>/: for every rule, a file that triggers it
(bad*) and a near miss that must not (good*), all variants of the original
example with their own ids so that cross-file rules only fire where meant.

The expected output (fixtures/rules/<rule-id>/expected) is NOT written here:
it is checked by hand and committed; tests/rules compares advisor-lint's
output with it. Run from the repository root: scripts/gen-rule-fixtures.py
"""
import hashlib
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
SEED = open(os.path.join(ROOT, 'fixtures/valid/seed-expressroute-mooncake.md'), encoding='utf-8').read()
AID = '4a031d69-19fd-495f-9d25-93afbf7f1e89'
TID = '70f87e66-9b2d-4bfa-ae38-1d7d74837689'
NAME = 'ExpressRouteGatewayRedundancy'


def uid(*parts):
    h = hashlib.sha1('/'.join(parts).encode()).hexdigest()
    return f'{h[0:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:32]}'


def variant(rule, name, text=SEED, keep_ids=False):
    if keep_ids:
        return text
    tid = uid(rule, name, 'type')
    return (text.replace(AID, uid(rule, name, 'article'))
                .replace(TID, tid)
                .replace(NAME, NAME + hashlib.sha1((rule + name).encode()).hexdigest()[:6]))


def sub(text, old, new, count=1):
    assert old in text, (old, new)
    return text.replace(old, new, count)


def write(rule, files, args=None):
    d = os.path.join(ROOT, 'fixtures/rules', rule)
    os.makedirs(d, exist_ok=True)
    for name, content in files.items():
        p = os.path.join(d, name)
        if isinstance(content, str):
            content = content.encode('utf-8')
        with open(p, 'wb') as f:
            f.write(content)
    if args:
        with open(os.path.join(d, 'args'), 'w') as f:
            f.write('\n'.join(args) + '\n')


def simple(rule, bad_edit, good_edit=None, args=None):
    bad = variant(rule, 'bad')
    good = variant(rule, 'good')
    bad = bad_edit(bad)
    if good_edit:
        good = good_edit(good)
    write(rule, {'bad.md': bad, 'good.md': good}, args)


# ---- reader rules ----
simple('duplicate-key',
       lambda t: sub(t, '"bladeName": "VirtualNetworkGatewayBlade",', '"bladeName": "VirtualNetworkGatewayBlade",\n            "bladeName": "OverviewBlade",'),
       lambda t: sub(t, '"bladeName": "VirtualNetworkGatewayBlade",', '"bladeName": "VirtualNetworkGatewayBlade",\n            "bladename": "OverviewBlade",'))
write('encoding', {
    'bad.md': variant('encoding', 'bad').encode('utf-8').replace(b'Improve resiliency', b'Improve r\xe9siliency'),
    'good.md': variant('encoding', 'good').replace('Improve resiliency', 'Improve résiliency'),
})
simple('fence-missing', lambda t: t.rstrip('\n')[:-3], lambda t: t.rstrip('\n') + '   \n')
write('header-missing', {
    'bad.md': '# A note\n---\n{"recommendationImpact": "High"}\n---\n',
    'good.md': variant('header-missing', 'good'),
}, ['--schema', 'fixtures/rules/header-missing/any.schema.json', '--schema-only'])
write('header-missing', {'any.schema.json': '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}\n'})
simple('header-syntax', lambda t: sub(t, 'authors = "aadevteam"', 'authors = aadevteam'),
       lambda t: sub(t, 'authors = "aadevteam"', "authors = 'aadevteam'"))
simple('header-unclosed', lambda t: sub(t, '\n/>\n', '\n'), lambda t: sub(t, '\n/>\n', '\n  />\n'))
simple('json-control-character', lambda t: sub(t, '"Improve resiliency', '"Improve\tresiliency'),
       lambda t: sub(t, '"Improve resiliency', '"Improve\\tresiliency'))
simple('json-syntax', lambda t: sub(t, '"recommendationImpact": "Medium",', '"recommendationImpact": "Medium"'),
       lambda t: sub(t, '"recommendationImpact": "Medium",', '"recommendationImpact" :  "Medium" ,'))
simple('json-trailing-comma', lambda t: sub(t, '"additionalColumns": []\n}', '"additionalColumns": [],\n}'),
       lambda t: sub(t, '"additionalColumns": []\n}', '"additionalColumns": [ ]\n}'))
simple('schema', lambda t: sub(t, '"recommendationImpact": "Medium"', '"recommendationImpact": "Hihg"'),
       lambda t: sub(t, '"recommendationImpact": "Medium"', '"recommendationImpact": "High"'))
simple('title-missing', lambda t: sub(t, '# Implement multiple', 'Implement multiple'),
       lambda t: sub(t, '# Implement multiple', '<!-- note -->\n# Implement multiple'))

# ---- header rules ----
simple('header-required-attribute', lambda t: sub(t, 'ms.author = "aadevteam"\n', ''),
       lambda t: sub(t, 'ms.author = "aadevteam"', 'ms.author = "aadevteam, otherteam"'))
simple('header-unknown-attribute', lambda t: sub(t, 'authors = ', 'author = '),
       lambda t: sub(t, 'authors = "aadevteam"', 'authors = "aadevteam"\nproductPesIds = "1234"'))
write('article-id', {
    'bad.md': sub(variant('article-id', 'bad'), 'articleId = "', 'articleId = "{', 1),
    'bad-suffix.md': sub(variant('article-id', 'bad-suffix'), '_Mooncake"', '_Fairfax"'),
    'good.md': sub(variant('article-id', 'good'), '_Mooncake"', '"'),
})
simple('cloud-environments-empty', lambda t: sub(t, 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = " , "'),
       lambda t: sub(t, 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = "Mooncake,"'))
simple('cloud-name', lambda t: sub(t, 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = "Mooncake, Gallatin"'),
       lambda t: sub(t, 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = "Mooncake, Fairfax"'))
simple('cloud-name-case', lambda t: sub(sub(t, 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = "MoonCake"'), '_Mooncake"', '_mooncake"'),
       lambda t: sub(t, 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = " Mooncake "'))
simple('placeholder-title', lambda t: sub(t, '# Implement multiple ExpressRoute circuits in your Virtual Network for cross premises resiliency', '# Sample title'),
       lambda t: sub(t, '# Implement multiple ExpressRoute circuits in your Virtual Network for cross premises resiliency', '# Sample titles of ExpressRoute circuits'))

# ---- body rules ----
simple('empty-required', lambda t: sub(t, '"potentialBenefits": "Improve resiliency in case of ExpressRoute peering location failure"', '"potentialBenefits": " "'),
       lambda t: sub(t, '"ingestionClientIdentities": []', '"tip": ""'))
write('guid-format', {
    'bad.md': sub(variant('guid-format', 'bad'), '"serviceTreeId": "7269b88e-b638-4ba5-a55e-5632365dd938"', '"serviceTreeId": "7269b88e-b638-4ba5-a55e-5632365dd9z8"'),
    'bad-length.md': sub(variant('guid-format', 'bad-length'), '"actionId": "3ab0dcc6-8a46-4665-9349-13ef82ad8867"', '"actionId": "3ab0dcc6-8a4-4665-9349-13ef82ad8867"'),
    'good.md': sub(variant('guid-format', 'good'), '"serviceTreeId": "7269b88e-b638-4ba5-a55e-5632365dd938"', '"serviceTreeId": "7269B88E-B638-4BA5-A55E-5632365DD938"'),
})
simple('timespan-format', lambda t: sub(t, '"refreshInterval": "1.00:00:00"', '"refreshInterval": "24:00:00"'),
       lambda t: sub(t, '"refreshInterval": "1.00:00:00"', '"refreshInterval": "0.23:59:59"'))
simple('timespan-noncanonical', lambda t: sub(t, '"refreshInterval": "1.00:00:00"', '"refreshInterval": "1:00:00:00"'),
       lambda t: sub(t, '"refreshInterval": "1.00:00:00"', '"refreshInterval": "12:00:00"'))
simple('ttl-shorter-than-refresh', lambda t: sub(t, '"recommendationTimeToLive": 86400', '"recommendationTimeToLive": 3600'),
       lambda t: sub(t, '"recommendationTimeToLive": 86400', '"recommendationTimeToLive": 86400.0'))
simple('insecure-link', lambda t: sub(t, '"learnMoreLink": "https://', '"learnMoreLink": "http://'),
       lambda t: sub(t, '"learnMoreLink": "https://docs.azure.cn/', '"learnMoreLink": "https://docs.azure.cn/http/'))
simple('link-malformed', lambda t: sub(t, '"learnMoreLink": "https://', '"learnMoreLink": "docs.azure.cn/'),
       lambda t: sub(t, '"documentLink": "https://docs.azure.cn/expressroute/expressroute-howto-linkvnet-portal-resource-manager"', '"documentLink": "{learnMoreUrl}"'))
simple('link-placeholder', lambda t: sub(t, '"documentLink": "https://docs.azure.cn/expressroute/expressroute-howto-linkvnet-portal-resource-manager"', '"documentLink": "{resourceId/overview"'),
       lambda t: sub(t, '"documentLink": "https://docs.azure.cn/expressroute/expressroute-howto-linkvnet-portal-resource-manager"', '"documentLink": "{resourceId}/overview"'))
simple('sovereign-cloud-link', lambda t: sub(t, '"learnMoreLink": "https://docs.azure.cn/', '"learnMoreLink": "https://docs.microsoft.com/azure/'),
       lambda t: sub(sub(t, 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = "Mooncake, Public"'), '"learnMoreLink": "https://docs.azure.cn/', '"learnMoreLink": "https://docs.microsoft.com/azure/'))
simple('duplicate-action-id',
       lambda t: sub(t, '"documentLink": "https://docs.azure.cn/expressroute/expressroute-howto-linkvnet-portal-resource-manager"\n    }]',
                     '"documentLink": "https://docs.azure.cn/expressroute/expressroute-howto-linkvnet-portal-resource-manager"\n    }, {\n        "actionId": "3AB0DCC6-8a46-4665-9349-13ef82ad8867",\n        "description": "Read more",\n        "actionType": "Document",\n        "documentLink": "https://docs.azure.cn/expressroute/"\n    }]'),
       lambda t: sub(t, '"actionId": "c6310ecb-222a-492d-b051-694a7325df71"', '"actionId": "3ab0dcc6-8a46-4665-9349-13ef82ad8867"'))
TD_BAD = '"testData": "sub,/subscriptions/sub/rg/x,\\"{\\"\\"HighestCPU\\"\\": \\"\\"98\\"\\"}\\"",\n    "additionalColumns": [{"name": "HighCPU", "title": "High CPU"}]'
TD_BAD_ROW = '"testData": "sub,/subscriptions/sub/rg/x,\\"{\\"\\"HighCPU\\"\\": \\"\\"98\\"\\"}\\"\\nsub,\\"/subscriptions/sub/rg/y",\n    "additionalColumns": [{"name": "HighCPU", "title": "High CPU"}]'
# rows copied from production carry more properties than the columns: not a finding
TD_GOOD = '"testData": "sub,/subscriptions/sub/rg/x,\\"{\\"\\"HighCPU\\"\\": \\"\\"98\\"\\", \\"\\"savingsAmount\\"\\": 12, \\"\\"scaleAutomationSettingsEnabled\\"\\": true}\\"\\nsub,/subscriptions/sub/rg/y,{\\"LowCPU\\": 3}\\n",\n    "additionalColumns": [{"name": "HighCPU", "title": "High CPU"}]'
write('test-data', {
    'bad.md': sub(variant('test-data', 'bad'), '"additionalColumns": []', TD_BAD),
    'bad-row.md': sub(variant('test-data', 'bad-row'), '"additionalColumns": []', TD_BAD_ROW),
    'good.md': sub(variant('test-data', 'good'), '"additionalColumns": []', TD_GOOD),
})

# ---- rules from what people fixed (issue 17) ----
write('owner-default', {
    'bad.md': sub(variant('owner-default', 'bad'), '"routingId": "AIMS://ExpressRoute"', '"routingId": "MDM://AzureAdvisor"'),
    'bad-email.md': sub(variant('owner-default', 'bad-email'), '"email": "ExRPM@microsoft.com"', '"email": "aadevteam@microsoft.com"'),
    # the Advisor team's own recommendation routes to itself
    'good.md': sub(sub(variant('owner-default', 'good'), '"routingId": "AIMS://ExpressRoute"', '"routingId": "MDM://AzureAdvisor"'),
                   'ownershipId="CloudNet_AzureVPNGateway"', 'ownershipId="CloudES_AzureAdvisor"'),
})
write('refresh-too-short', {
    'bad.md': sub(variant('refresh-too-short', 'bad'), '"refreshInterval": "1.00:00:00"', '"refreshInterval": "00:01:00"'),
    'bad-days.md': sub(variant('refresh-too-short', 'bad-days'), '"refreshInterval": "1.00:00:00"', '"refreshInterval": "0.00:05:00"'),
    'good.md': sub(variant('refresh-too-short', 'good'), '"refreshInterval": "1.00:00:00"', '"refreshInterval": "01:00:00"'),
})
write('link-locale', {
    'bad.md': sub(sub(variant('link-locale', 'bad'), '"learnMoreLink": "https://docs.azure.cn/', '"learnMoreLink": "https://docs.azure.cn/zh-cn/'),
                  '"documentLink": "https://docs.azure.cn/', '"documentLink": "https://docs.azure.cn/en-us/'),
    # JSON escapes before the segment: reported at the segment as written, not fixed
    'bad-escaped.md': sub(variant('link-locale', 'bad-escaped'), '"learnMoreLink": "https://docs.azure.cn/',
                          '"learnMoreLink": "https:\\/\\/docs.azure.cn\\/en-US\\/'),
    'good.md': sub(variant('link-locale', 'good'), '"learnMoreLink": "https://docs.azure.cn/',
                   '"learnMoreLink": "https://docs.azure.cn/expressroute/en-us/'),
})
write('todo-marker', {
    'bad.md': sub(sub(sub(sub(variant('todo-marker', 'bad'),
                  'description = "Implement multiple', 'description = "Todo DEscription: Implement multiple'),
                  '# Implement multiple', '# TODO: title'),
                  '"longDescription": "We have detected', '"longDescription": "todoLongDesc We have detected'),
                  '"potentialBenefits": "Improve resiliency', '"potentialBenefits": "TODO HERE, and TODO: more. Improve resiliency'),
    # after escapes, in an array and in a nested object: still at the marker
    'bad-nested.md': sub(sub(variant('todo-marker', 'bad-nested'),
                         '"portalFeatures": []', '"portalFeatures": ["\\"quoted\\" \\u00e9 <TODO>"]'),
                         '"id": "{resourceId}"', '"id": "{resourceId}", "note": "todo"'),
    'good.md': sub(variant('todo-marker', 'good'),
                   '"longDescription": "We have detected', '"longDescription": "Todos los recursos; mastodon; autodownload. We have detected'),
})
KUSTO = '"streamNamespace": "cluster(\'https://%s\').database(\'advisor\').ExpressRouteCircuits",\n        "dataSource": "Kusto",'
COSMOS = '"streamNamespace": "Microsoft.Cloud.AzureAdvisorSingleCircuit-MC",\n        "dataSource": "Cosmos",'
write('data-source-cloud', {
    'bad.md': sub(variant('data-source-cloud', 'bad'), COSMOS, KUSTO % 'exradvisor.usgovvirginia.kusto.usgovcloudapi.net'),
    'bad-malformed.md': sub(variant('data-source-cloud', 'bad-malformed'), COSMOS, KUSTO % 'exradvisor,chinaeast2.kusto.chinacloudapi.cn'),
    'bad-nested.md': sub(variant('data-source-cloud', 'bad-nested'), COSMOS,
                         KUSTO % 'exradvisor.chinaeast2.kusto.chinacloudapi.cn').replace("cluster(\'https", "cluster(\'cluster(\'https"),
    'good.md': sub(variant('data-source-cloud', 'good'), COSMOS, KUSTO % 'exradvisor.chinaeast2.kusto.chinacloudapi.cn'),
})
write('portal-extension-unknown', {
    'bad.md': sub(variant('portal-extension-unknown', 'bad'), '"extensionName": "Microsoft_Azure_Network"', '"extensionName": "Microsoft_Azure_Netwrok"'),
    'bad-unknown.md': sub(variant('portal-extension-unknown', 'bad-unknown'), '"extensionName": "Microsoft_Azure_Network"', '"extensionName": "SynapseworkspaceExtension"'),
    # an extension the repository adds in its config
    'good.md': sub(variant('portal-extension-unknown', 'good'), '"extensionName": "Microsoft_Azure_Network"', '"extensionName": "Contoso_Azure_Widgets"'),
    'lint-config': '# only for this fixture: the near miss uses an extension the config adds\nportal-extensions: [Contoso_Azure_Widgets]\n',
}, ['--config', 'fixtures/rules/portal-extension-unknown/lint-config'])
write('file-name-cloud', {
    # a Mooncake file copied to the Fairfax name
    'bad-fairfax.md': variant('file-name-cloud', 'bad-fairfax'),
    # no cloud in the articleId: cloudEnvironments disagrees
    'bad-usnat.md': sub(variant('file-name-cloud', 'bad-usnat'), '_Mooncake"', '"'),
    'good-mc.md': variant('file-name-cloud', 'good-mc'),
    'good-612dpublic.md': variant('file-name-cloud', 'good-612dpublic'),
})
write('schema', {
    # one defect, one finding: a bad e-mail fails format and pattern, reported once
    'bad-email.md': sub(variant('schema', 'bad-email'), '"email": "ExRPM@microsoft.com"', '"email": "ExRPM at microsoft"'),
    'bad-type.md': sub(variant('schema', 'bad-type'), '"recommendationImpact": "Medium"', '"recommendationImpact": 5'),
})

# ---- across files ----
def pair(rule, a_edit, b_edit, good_edit):
    a = a_edit(variant(rule, 'bad-a'))
    b = b_edit(variant(rule, 'bad-b'))
    g = good_edit(variant(rule, 'good'))
    write(rule, {'bad-a.md': a, 'bad-b.md': b, 'good.md': g})

pair('article-id-unique',
     lambda t: sub(t, 'articleId = "' + uid('article-id-unique', 'bad-a', 'article'), 'articleId = "11111111-2222-4333-8444-555555555555'),
     lambda t: sub(t, 'articleId = "' + uid('article-id-unique', 'bad-b', 'article'), 'articleId = "11111111-2222-4333-8444-555555555555'),
     lambda t: sub(sub(t, 'articleId = "' + uid('article-id-unique', 'good', 'article'), 'articleId = "11111111-2222-4333-8444-555555555555'), '_Mooncake"', '_Fairfax"').replace('cloudEnvironments = "Mooncake"', 'cloudEnvironments = "Fairfax"'))
TSHARED = '99999999-8888-4777-8666-555555555555'
pair('type-cloud-unique',
     lambda t: sub(t, uid('type-cloud-unique', 'bad-a', 'type'), TSHARED).replace(NAME + hashlib.sha1(b'type-cloud-uniquebad-a').hexdigest()[:6], 'SharedName'),
     lambda t: sub(t, uid('type-cloud-unique', 'bad-b', 'type'), TSHARED).replace(NAME + hashlib.sha1(b'type-cloud-uniquebad-b').hexdigest()[:6], 'SharedName'),
     lambda t: sub(t, uid('type-cloud-unique', 'good', 'type'), TSHARED).replace(NAME + hashlib.sha1(b'type-cloud-uniquegood').hexdigest()[:6], 'SharedName').replace('_Mooncake"', '_USNat"').replace('cloudEnvironments = "Mooncake"', 'cloudEnvironments = "USNat"'))
pair('friendly-name-type',
     lambda t: t.replace(NAME + hashlib.sha1(b'friendly-name-typebad-a').hexdigest()[:6], 'OneName'),
     lambda t: t.replace(NAME + hashlib.sha1(b'friendly-name-typebad-b').hexdigest()[:6], 'OneName'),
     lambda t: t.replace(NAME + hashlib.sha1(b'friendly-name-typegood').hexdigest()[:6], 'OneNameToo'))
TV = '77777777-6666-4555-8444-333333333333'
def vm(name, cloud, category=None, lower_type=False):
    t = variant('variant-mismatch', name)
    t = sub(t, uid('variant-mismatch', name, 'type'), TV)
    t = t.replace(NAME + hashlib.sha1(('variant-mismatch' + name).encode()).hexdigest()[:6], 'VariantName')
    t = t.replace('_Mooncake"', '_' + cloud + '"').replace('cloudEnvironments = "Mooncake"', 'cloudEnvironments = "' + cloud + '"')
    if category:
        t = t.replace('"recommendationCategory": "HighAvailability"', '"recommendationCategory": "' + category + '"')
    if lower_type:
        t = t.replace('Microsoft.Network/virtualNetworkGateways', 'microsoft.network/virtualnetworkgateways')
    return t

write('variant-mismatch', {
    'good-mooncake.md': vm('good-mooncake', 'Mooncake'),
    'good-ussec.md': vm('good-ussec', 'USSec', lower_type=True),
    'bad-fairfax.md': vm('bad-fairfax', 'Fairfax', category='Cost'),
})

# ---- run rules (config and suppressions) ----
simple('link-host',
       lambda t: sub(t, 'https://docs.azure.cn/expressroute/designing', 'https://www.fabrikam.com/expressroute/designing'),
       lambda t: sub(t, 'https://docs.azure.cn/expressroute/designing', 'https://docs.contoso.com/expressroute/designing'),
       ['--config', 'fixtures/rules/link-host/lint-config'])
write('link-host', {'lint-config': '# only for this fixture: the near miss links to an allowed subdomain\nlink-hosts: [.contoso.com]\n'})
write('link-host', {
    # each cloud's own hosts are fine for that cloud, not for another
    'good-mooncake-support.md': sub(variant('link-host', 'good-mooncake-support'), 'https://docs.azure.cn/expressroute/designing', 'https://support.azure.cn/support/contact'),
    'bad-public-support.md': sub(sub(sub(variant('link-host', 'bad-public-support'), 'https://docs.azure.cn/expressroute/designing', 'https://support.azure.cn/support/contact'),
                                     '_Mooncake"', '_Public"'), 'cloudEnvironments = "Mooncake"', 'cloudEnvironments = "Public"'),
})
simple('unused-suppression',
       lambda t: sub(t, '\townershipId=', 'advisorLintIgnore = "insecure-link"\n\townershipId='),
       lambda t: sub(sub(t, '\townershipId=', 'advisorLintIgnore = "cloud-name-case"\n\townershipId='),
                     'cloudEnvironments = "Mooncake"', 'cloudEnvironments = "mooncake"'))
print('written')
