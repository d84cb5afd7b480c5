"""The ``hotseat`` subcommands, one module each; ``simulator.cli`` parses and dispatches."""
