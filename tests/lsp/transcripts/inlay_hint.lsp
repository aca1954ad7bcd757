# inlayHint: after each test's name, every flag's value for the test's givens; a test that
# leaves a fact out shows unknown with the fact that is missing.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "${ROOT}/tests.rf", "languageId": "redflag", "version": 1, "text": "test \"heavy weight loss\"\n  given weight_loss = 12 lb, fever = false, age = 40, cancer_type = lung\n  expect urgency immediate\n\ntest \"age missing\"\n  given weight_loss = 1 lb, fever = true\n  expect urgency routine\n"}}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/inlayHint", "params": {"textDocument": {"uri": "${ROOT}/tests.rf"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 7, "character": 0}}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "unused-fact", "message": "fact `cancer_type` is never used in a condition", "range": {"end": {"character": 16, "line": 10}, "start": {"character": 5, "line": 10}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/facts.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "missing-rationale", "message": "flag `weight_loss` has no rationale (`because`)", "range": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}, "severity": 2, "source": "redflag lint"}, {"code": "missing-rationale", "message": "flag `older` has no rationale (`because`)", "range": {"end": {"character": 10, "line": 6}, "start": {"character": 5, "line": 6}}, "severity": 2, "source": "redflag lint"}, {"code": "untested-flag", "message": "no test makes flag `older` fire", "range": {"end": {"character": 10, "line": 6}, "start": {"character": 5, "line": 6}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/flags.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/kb.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/tests.rf"}}
<-- {"id": 2, "jsonrpc": "2.0", "result": [{"label": "weight_loss: true; older: false", "paddingLeft": true, "position": {"character": 24, "line": 0}}, {"label": "weight_loss: false; older: unknown (missing age)", "paddingLeft": true, "position": {"character": 18, "line": 4}}]}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
