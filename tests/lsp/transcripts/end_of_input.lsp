# The input ends without exit: the server stops with 1.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": {"capabilities": {"documentSymbolProvider": true, "foldingRangeProvider": true, "positionEncoding": "utf-16", "textDocumentSync": {"change": 2, "openClose": true, "save": true}, "workspaceSymbolProvider": true}, "serverInfo": {"name": "redflag"}}}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
exit 1
