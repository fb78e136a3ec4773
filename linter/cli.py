"""The ``copydesk`` command. Subcommands live in ``linter/commands``, one module each, and
import what they need only when they run, so ``copydesk --version`` loads almost nothing."""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

from linter import __version__

if TYPE_CHECKING:  # pragma: no cover
    import argparse

STARTUP_GC_THRESHOLD = 100_000  # young objects between collections while the run starts
COMMANDS = ("check", "rules", "explain", "init", "learn", "lsp", "knowledge")
QUICK_EXIT = frozenset({"check", "rules", "explain"})  # see ``_exit_now``


def _available() -> list[str]:
    here = os.path.join(os.path.dirname(__file__), "commands")
    return [c for c in COMMANDS if os.path.exists(os.path.join(here, c + ".py"))]


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse that ends a usage error with exit 2 and one line, as the contract says;
    made when a parser is (``copydesk --version`` never imports argparse)."""
    import argparse

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> None:  # type: ignore[override]
            self.exit(2, f"copydesk: error: {message} (see 'copydesk {self._sub()}--help')\n")

        def _sub(self) -> str:
            parts = self.prog.split()[1:]
            return " ".join(parts) + " " if parts else ""

    return _Parser


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: when it names a command, only that command's module is
    imported and its options added (a cold ``copydesk check`` loads no other command);
    otherwise every command is listed, by name and help line, for ``--help`` and errors."""
    parser_class = _parser_class()
    parser = parser_class(
        prog="copydesk",
        description="Editorial style-and-accuracy linter for news drafts.",
    )
    parser.add_argument("--version", action="version", version=f"copydesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class)
    available = _available()
    named = _command_of(argv or [])
    for name in [named] if named in available else available:
        module = importlib.import_module(f"linter.commands.{name}")
        sub = subparsers.add_parser(name, help=module.HELP, description=module.HELP)
        if argv is None or name == named:  # a listed command's options are never parsed
            module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def _command_of(argv: list[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
    return None


def main(argv: list[str] | None = None) -> int:
    in_process = argv is not None  # called by a program (tests), not as the command
    argv = list(sys.argv[1:] if argv is None else argv)
    code = _run(argv, in_process)
    if not in_process and _command_of(argv) in QUICK_EXIT:
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End the command's process once its output is flushed, without the interpreter's
    teardown: freeing the rules, tables and modules one by one cost ~18 ms of a cold run
    that is over. Only for commands that leave no thread, pool or file open behind them;
    a flush that fails returns, and the interpreter's own exit reports it as before.
    ``atexit`` handlers still run: stores that save what a run learnt register there."""
    import atexit

    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        return
    os._exit(code)


def _run(argv: list[str], in_process: bool) -> int:
    if argv[:1] in (["--version"], ["-V"]):
        print(f"copydesk {__version__}")
        return 0
    import gc

    from linter import userdir
    from linter.errors import CopydeskError

    # Loading the rules and their data makes ~100,000 objects that live for the whole run;
    # at the default threshold (700) the collector scanned them ~35 times, ~10 ms of a cold
    # run. ``parallel.settle_gc`` tunes it again once the engine is built.
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], STARTUP_GC_THRESHOLD), *threshold[1:])
    if not in_process:  # the command's patterns come compiled from the last run (recache)
        from linter import recache

        recache.install()
    parser = build_parser(argv)
    userdir.keep(True)  # the command may keep rule parses, as Python keeps bytecode
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, or a usage error already printed
            return exc.code if isinstance(exc.code, int) else 2
        if not getattr(args, "command", None):
            parser.print_help()
            return 2
        return int(args.run(args))
    except CopydeskError as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("copydesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # a crash is a bug; still one line unless debugging
        if os.environ.get("COPYDESK_DEBUG"):
            raise
        print(
            f"copydesk: internal error: {type(exc).__name__}: {exc} "
            "(a bug: please report it; set COPYDESK_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return 2
    finally:
        if not in_process:
            from linter import recache, regexcache

            recache.save()
            regexcache.save()
        userdir.keep(False)  # in-process callers (tests, the hook) go back to writing nothing
        if in_process:  # as the command, the process ends here: a restored threshold would
            gc.set_threshold(*threshold)  # only buy a full collection on the way out


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
