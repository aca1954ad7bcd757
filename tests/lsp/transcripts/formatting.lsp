# formatting gives fmt's layout as edits of the changed lines; rangeFormatting only those in
# the range; a document with syntax errors gets no edits.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "${ROOT}/facts.rf", "languageId": "redflag", "version": 1, "text": "fact   age : number between 0 and 130\n  ask \"How old is the patient?\"\n  means  \"patient age in years\"\n\n\n\nfact weight_loss : mass in [lb_av]\n  means \"unexplained weight loss\"\nfact fever:bool\n  ask \"Fever?\"\n\nfact cancer_type : one of breast, lung, other\n  ask \"Which cancer?\"\n\ndefine systemic = fever or weight_loss > 5 kg"}}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/formatting", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "options": {"tabSize": 2, "insertSpaces": true}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "unused-fact", "message": "fact `cancer_type` is never used in a condition", "range": {"end": {"character": 16, "line": 11}, "start": {"character": 5, "line": 11}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/facts.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "missing-rationale", "message": "flag `weight_loss` has no rationale (`because`)", "range": {"end": {"character": 16, "line": 0}, "start": {"character": 5, "line": 0}}, "severity": 2, "source": "redflag lint"}, {"code": "missing-rationale", "message": "flag `older` has no rationale (`because`)", "range": {"end": {"character": 10, "line": 6}, "start": {"character": 5, "line": 6}}, "severity": 2, "source": "redflag lint"}], "uri": "${ROOT}/flags.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/kb.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "test-failed", "message": "test `older with fever` failed\nurgency\n  expected: immediate\n  actual:   consult", "range": {"end": {"character": 23, "line": 5}, "start": {"character": 5, "line": 5}}, "severity": 1, "source": "redflag test"}], "uri": "${ROOT}/tests.rf"}}
<-- {"id": 2, "jsonrpc": "2.0", "result": [{"newText": "fact age : number between 0 and 130\n", "range": {"end": {"character": 0, "line": 1}, "start": {"character": 0, "line": 0}}}, {"newText": "  means \"patient age in years\"\n", "range": {"end": {"character": 0, "line": 3}, "start": {"character": 0, "line": 2}}}, {"newText": "", "range": {"end": {"character": 0, "line": 6}, "start": {"character": 0, "line": 4}}}, {"newText": "\nfact fever : bool\n", "range": {"end": {"character": 0, "line": 9}, "start": {"character": 0, "line": 8}}}, {"newText": "define systemic = fever or weight_loss > 5 kg\n", "range": {"end": {"character": 45, "line": 14}, "start": {"character": 0, "line": 14}}}]}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/rangeFormatting", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "range": {"start": {"line": 7, "character": 0}, "end": {"line": 9, "character": 0}}, "options": {"tabSize": 2, "insertSpaces": true}}}
<-- {"id": 3, "jsonrpc": "2.0", "result": [{"newText": "\nfact fever : bool\n", "range": {"end": {"character": 0, "line": 9}, "start": {"character": 0, "line": 8}}}]}
--> {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "${ROOT}/facts.rf", "version": 2}, "contentChanges": [{"text": "fact age : : bool\n"}]}}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/formatting", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "options": {"tabSize": 2, "insertSpaces": true}}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [{"code": "E011", "message": "expected a type (`bool`, `number`, `integer`, `mass`, `time`, `length`, `temperature`, `quantity`, `one of` or `text`), found `:`", "range": {"end": {"character": 12, "line": 0}, "start": {"character": 11, "line": 0}}, "severity": 1, "source": "redflag check"}], "uri": "${ROOT}/facts.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/flags.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/kb.rf"}}
<-- {"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": {"diagnostics": [], "uri": "${ROOT}/tests.rf"}}
<-- {"id": 4, "jsonrpc": "2.0", "result": []}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
