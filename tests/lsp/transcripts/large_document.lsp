# A 50 MB document (a million comment lines) is read and analysed like any file: the KB's
# diagnostics come back, the server answers on.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "${ROOT}/huge.rf", "languageId": "redflag", "version": 1, "text": "${REPEAT:1000000:# a comment line that is fifty bytes long, padded\\n}"}}}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "unused-fact", "message": "fact `cancer_type` is never used in a condition", "range": {"end": {"character": 16, "line": 10}, "start": {"character": 5, "line": 10}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/facts.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "missing-rationale", "message": "flag `weight_loss` has no rationale (`because`)", "range": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}, "severity": 2, "source": "redflag lint"}, {"code": "missing-rationale", "message": "flag `older` has no rationale (`because`)", "range": {"end": {"character": 10, "line": 6}, "start": {"character": 5, "line": 6}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/flags.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/huge.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/kb.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "test-failed", "message": "test `older with fever` failed\nurgency\n  expected: immediate\n  actual:   consult", "range": {"end": {"character": 23, "line": 5}, "start": {"character": 5, "line": 5}}, "severity": 1, "source": "redflag test"}], "uri": "${ROOT}/tests.rf"}}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
