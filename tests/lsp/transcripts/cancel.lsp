# A request whose $/cancelRequest is already waiting is answered RequestCancelled (-32800);
# a cancel for a request already answered changes nothing.
--> {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"rootUri": "${ROOT}", "capabilities": {}}}
<-- {"id": 1, "jsonrpc": "2.0", "result": "${ANY}"}
--> {"jsonrpc": "2.0", "method": "initialized", "params": {}}
--> {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 9}}}
<-- {"error": {"code": -32800, "message": "`textDocument/hover` was cancelled"}, "id": 2, "jsonrpc": "2.0"}
--> {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 2}}
--> {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 1}}
--> {"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover", "params": {"textDocument": {"uri": "${ROOT}/flags.rf"}, "position": {"line": 2, "character": 9}}}
<-- {"id": 3, "jsonrpc": "2.0", "result": {"contents": {"kind": "markdown", "value": "```redflag\nfact weight_loss : mass in [lb_av]\n```\n\nMeans: unexplained weight loss\n\nRead by define `systemic`, flag `weight_loss`.\n"}, "range": {"end": {"character": 18, "line": 2}, "start": {"character": 7, "line": 2}}}}
--> {"jsonrpc": "2.0", "id": 99, "method": "shutdown"}
<-- {"id": 99, "jsonrpc": "2.0", "result": null}
--> {"jsonrpc": "2.0", "method": "exit"}
exit 0
