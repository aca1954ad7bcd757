# A flag declared twice: E026 on the second declaration carries the first as relatedInformation
# ("the first declaration is here"), in the same file or another.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "${ROOT}/flags.rf", "languageId": "redflag", "version": 1, "text": "${FILE:flags.rf}"}}}
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "${ROOT}/flags.rf", "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "flag older consult\n  title \"Again\"\n  when age > 50\n\n"}]}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": "${ROOT}/tests.rf"}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/facts.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "E026", "message": "flag `older` is declared twice; the first is at ${KB}/flags.rf:1:6", "range": {"end": {"character": 10, "line": 10}, "start": {"character": 5, "line": 10}}, "relatedInformation": [{"location": {"range": {"end": {"character": 10, "line": 0}, "start": {"character": 5, "line": 0}}, "uri": "${ROOT}/flags.rf"}, "message": "the first declaration is here"}], "severity": 1, "source": "redflag check"}], "uri": "${ROOT}/flags.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/kb.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/tests.rf"}}
<-- {"id": 2, "jsonrpc": "2.0", "result": [{"detail": "test", "kind": 6, "name": "heavy weight loss", "range": {"end": {"character": 26, "line": 3}, "start": {"character": 0, "line": 0}}, "selectionRange": {"end": {"character": 24, "line": 0}, "start": {"character": 5, "line": 0}}}, {"detail": "test", "kind": 6, "name": "older with fever", "range": {"end": {"character": 26, "line": 7}, "start": {"character": 0, "line": 5}}, "selectionRange": {"end": {"character": 23, "line": 5}, "start": {"character": 5, "line": 5}}}]}
--> {"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}}}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "unused-fact", "message": "fact `cancer_type` is never used in a condition", "range": {"end": {"character": 16, "line": 10}, "start": {"character": 5, "line": 10}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/facts.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "missing-rationale", "message": "flag `weight_loss` has no rationale (`because`)", "range": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}, "severity": 2, "source": "redflag lint"}, {"code": "missing-rationale", "message": "flag `older` has no rationale (`because`)", "range": {"end": {"character": 10, "line": 6}, "start": {"character": 5, "line": 6}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/flags.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/kb.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "test-failed", "message": "test `older with fever` failed\nurgency\n  expected: immediate\n  actual:   consult", "range": {"end": {"character": 23, "line": 5}, "start": {"character": 5, "line": 5}}, "severity": 1, "source": "redflag test"}], "uri": "${ROOT}/tests.rf"}}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
