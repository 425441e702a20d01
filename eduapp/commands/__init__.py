"""One module per `eduapp COMMAND`: the only code that prints and chooses exit codes."""
