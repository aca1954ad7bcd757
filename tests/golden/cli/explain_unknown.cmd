explain zzzzzz
