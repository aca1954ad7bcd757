# hover: a fact (type, unit, ask, means, readers), a flag with its lint finding's explanation,
# a define, a unit, a level, a topic, a source, a test's result, nothing (null).
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 9}}}
<-- {"id": 2, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\nfact weight_loss : mass in [lb_av]\n```\n\nMeans: unexplained weight loss\n\nRead by define `systemic`, flag `weight_loss`.\n"}, "range": {"end": {"character": 18, "line": 2}, "start": {"character": 7, "line": 2}}}}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 0, "character": 7}}}
<-- {"id": 3, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\nflag weight_loss immediate\n```\n\n**Weight loss of 10 lb or more**\n\nUrgency: `immediate`\n\nWhen: `weight_loss >= 10 lb`\n\n---\n`missing-rationale`: a flag without a rationale (`because`)\n\nadd `because \"...\"` saying why the finding is a red flag\n"}, "range": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}}}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 8, "character": 22}}}
<-- {"id": 4, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\ndefine systemic = fever or weight_loss > 5 kg\n```\n\nRead by flag `older`.\n"}, "range": {"end": {"character": 28, "line": 8}, "start": {"character": 20, "line": 8}}}}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 26}}}
<-- {"id": 5, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "Unit `lb`, UCUM `[lb_av]`; dimension: mass\n"}}}
--> {"jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 0, "character": 20}}}
<-- {"id": 6, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\nlevel immediate\n```\n\nUrgency 3 of 3: `routine < consult < immediate`\n"}, "range": {"end": {"character": 26, "line": 0}, "start": {"character": 17, "line": 0}}}}
--> {"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 4, "character": 8}}}
<-- {"id": 7, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\ntopic workup\n```\n\n**Work-up**\n\nWhen: `urgency >= consult`\n"}, "range": {"end": {"character": 12, "line": 4}, "start": {"character": 6, "line": 4}}}}
--> {"jsonrpc": "2.0", "id": 8, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 3, "character": 8}}}
<-- {"id": 8, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\nsource seed\n```\n\nSeed article\n\n<https://example.org/seed>\n"}, "range": {"end": {"character": 11, "line": 3}, "start": {"character": 7, "line": 3}}}}
--> {"jsonrpc": "2.0", "id": 9, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/tests.rf"}, "position": {"line": 5, "character": 8}}}
<-- {"id": 9, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\ntest \"older with fever\"\n```\n\nFailed:\n\n- urgency: expected immediate, actual consult\n"}, "range": {"end": {"character": 23, "line": 5}, "start": {"character": 5, "line": 5}}}}
--> {"jsonrpc": "2.0", "id": 10, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 1, "character": 1}}}
<-- {"id": 10, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
