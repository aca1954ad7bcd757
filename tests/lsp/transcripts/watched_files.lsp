# A client that registers file watchers dynamically is asked to watch **/*.rf after
# `initialized` (client/registerCapability; its response is ignored); a didChangeWatchedFiles
# for a file of the KB analyses it again and publishes its diagnostics.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": "redflag/watch-sources", "result": null}
--> {"jsonrpc": "2.0", "method": "workspace/didChangeWatchedFiles", "params": {"changes": [{"uri": "${ROOT}/facts.rf", "type": 2}]}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/foldingRange", "params": {"textDocument": {"uri": "${ROOT}/kb.rf"}}}
<-- {"id": "redflag/watch-sources", "jsonrpc": "2.0", "method": "client/registerCapability", "params": {"registrations": [{"id": "redflag/watch-sources", "method": "workspace/didChangeWatchedFiles", "registerOptions": {"watchers": [{"globPattern": "**/*.rf"}]}}]}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "unused-fact", "message": "fact `cancer_type` is never used in a condition", "range": {"end": {"character": 16, "line": 10}, "start": {"character": 5, "line": 10}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/facts.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "missing-rationale", "message": "flag `weight_loss` has no rationale (`because`)", "range": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}, "severity": 2, "source": "redflag lint"}, {"code": "missing-rationale", "message": "flag `older` has no rationale (`because`)", "range": {"end": {"character": 10, "line": 6}, "start": {"character": 5, "line": 6}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/flags.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/kb.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "test-failed", "message": "test `older with fever` failed\nurgency\n  expected: immediate\n  actual:   consult", "range": {"end": {"character": 23, "line": 5}, "start": {"character": 5, "line": 5}}, "severity": 1, "source": "redflag test"}], "uri": "${ROOT}/tests.rf"}}
<-- {"id": 2, "jsonrpc": "2.0", "result": [{"endLine": 5, "kind": "region", "startLine": 2}, {"endLine": 10, "kind": "region", "startLine": 9}]}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
