# codeLens: one lens per test with its result (the failing test shows its first failure);
# executeCommand redflag.runTests returns redflag test's report; another command is InvalidParams.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/codeLens", "params": {"textDocument": {"uri": "${ROOT}/tests.rf"}}}
<-- {"id": 2, "jsonrpc": "2.0", "result": [{"command": {"arguments": ["${ROOT}/tests.rf"], "command": "redflag.runTests", "title": "✓ test passed"}, "range": {"end": {"character": 24, "line": 0}, "start": {"character": 5, "line": 0}}}, {"command": {"arguments": ["${ROOT}/tests.rf"], "command": "redflag.runTests", "title": "✗ test failed: urgency: expected immediate, actual consult"}, "range": {"end": {"character": 23, "line": 5}, "start": {"character": 5, "line": 5}}}]}
--> {"jsonrpc": "2.0", "id": 3, "method": "workspace/executeCommand", "params": {"command": "redflag.runTests", "arguments": ["${ROOT}/tests.rf"]}}
<-- {"id": 3, "jsonrpc": "2.0", "result": "test ${KB}/tests.rf:1 heavy weight loss ... ok\ntest ${KB}/tests.rf:6 older with fever ... FAILED\n\nfailures:\n  older with fever (${KB}/tests.rf:6)\n    urgency\n      expected: immediate\n      actual:   consult\n\ntest result: FAILED. 1 passed, 1 failed\n"}
--> {"jsonrpc": "2.0", "id": 4, "method": "workspace/executeCommand", "params": {"command": "rm", "arguments": []}}
<-- {"error": {"code": -32602, "message": "the server has one command, `redflag.runTests`"}, "id": 4, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
