lsp --today 2026-13-45x
