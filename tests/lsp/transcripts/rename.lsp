# prepareRename gives the name's range; rename edits every file; a clash, a non-name, a keyword
# and a test are refused with RequestFailed (-32803).
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/prepareRename", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 9}}}
<-- {"id": 2, "jsonrpc": "2.0", "result": {"placeholder": "weight_loss", "range": {"end": {"character": 18, "line": 2}, "start": {"character": 7, "line": 2}}}}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/rename", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 9}, "newName": "weight_lost"}}
<-- {"id": 3, "jsonrpc": "2.0", "result": {"changes": {"${ROOT}/facts.rf": [{"newText": "weight_lost", "range": {"end": {"character": 16, "line": 4}, "start": {"character": 5, "line": 4}}}, {"newText": "weight_lost", "range": {"end": {"character": 38, "line": 13}, "start": {"character": 27, "line": 13}}}], "${ROOT}/flags.rf": [{"newText": "weight_lost", "range": {"end": {"character": 18, "line": 2}, "start": {"character": 7, "line": 2}}}], "${ROOT}/tests.rf": [{"newText": "weight_lost", "range": {"end": {"character": 19, "line": 1}, "start": {"character": 8, "line": 1}}}, {"newText": "weight_lost", "range": {"end": {"character": 43, "line": 6}, "start": {"character": 32, "line": 6}}}]}}}
--> {"jsonrpc": "2.0", "id": 4, "method": "textDocument/rename", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "position": {"line": 0, "character": 6}, "newName": "fever"}}
<-- {"error": {"code": -32803, "message": "`fever` is already the name of fact `fever`"}, "id": 4, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 5, "method": "textDocument/rename", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "position": {"line": 0, "character": 6}, "newName": "two words"}}
<-- {"error": {"code": -32803, "message": "`two words` is not a name; names are letters, digits and `_`"}, "id": 5, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 6, "method": "textDocument/rename", "params": {"textDocument": {"uri": "${ROOT}/facts.rf"}, "position": {"line": 0, "character": 6}, "newName": "and"}}
<-- {"error": {"code": -32803, "message": "renaming fact `age` to `and` breaks the KB: `and` is a keyword, so it cannot name a fact; choose another name, such as `and_fact`"}, "id": 6, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 7, "method": "textDocument/rename", "params": {"textDocument": {"uri": "${ROOT}/tests.rf"}, "position": {"line": 0, "character": 8}, "newName": "x"}}
<-- {"error": {"code": -32803, "message": "a test cannot be renamed"}, "id": 7, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 8, "method": "textDocument/prepareRename", "params": {"textDocument": {"uri": "${ROOT}/tests.rf"}, "position": {"line": 0, "character": 8}}}
<-- {"id": 8, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "id": 9, "method": "textDocument/rename", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 0, "character": 20}, "newName": "urgent"}}
<-- {"id": 9, "jsonrpc": "2.0", "result": {"changes": {"${ROOT}/flags.rf": [{"newText": "urgent", "range": {"end": {"character": 26, "line": 0}, "start": {"character": 17, "line": 0}}}], "${ROOT}/kb.rf": [{"newText": "urgent", "range": {"end": {"character": 36, "line": 7}, "start": {"character": 27, "line": 7}}}], "${ROOT}/tests.rf": [{"newText": "urgent", "range": {"end": {"character": 26, "line": 2}, "start": {"character": 17, "line": 2}}}, {"newText": "urgent", "range": {"end": {"character": 26, "line": 7}, "start": {"character": 17, "line": 7}}}]}}}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
