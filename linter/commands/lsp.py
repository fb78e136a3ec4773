"""copydesk lsp: run the Language Server over stdio for editors (VS Code, Neovim, Helix,
Emacs, Zed, ...); it reads the same config files as ``copydesk check``."""

from __future__ import annotations

import argparse

HELP = "run the Language Server (stdio) for editors"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio", action="store_true", help="talk over stdin/stdout (the default and only mode)"
    )


def run(args: argparse.Namespace) -> int:
    from linter.errors import CopydeskError

    try:
        from linter.lsp.server import build_server
    except ImportError as exc:  # pygls is a dependency, but a broken install says so clearly
        raise CopydeskError(
            f"the language server needs pygls and lsprotocol ({exc}); install the lsp extra: pip install 'copydesk[lsp]'"
        ) from None
    import logging
    import sys

    # stdout carries the protocol; problems go to stderr, which editors show in a log pane
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="copydesk lsp: %(message)s"
    )
    build_server().start_io()
    return 0
