# An unknown request gets MethodNotFound (-32601); unknown notifications, $/ or not, are dropped.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/colorPresentation", "params": {}}
<-- {"error": {"code": -32601, "message": "no method `textDocument/colorPresentation`"}, "id": 2, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "method": "$/setTrace", "params": {"value": "off"}}
--> {"jsonrpc": "2.0", "method": "workspace/somethingNew", "params": {}}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
