"""Subcommands of ``copydesk``: each module has HELP, add_arguments(parser) and run(args)."""
