"""``python -m linter`` behaves exactly like the ``copydesk`` command.

``-m`` puts the current folder (usually the repository being checked) first on
``sys.path``; a module or a ``*.dist-info`` entry point committed there would then shadow an
installed one and run. The command has no such entry, so it is dropped before anything else
is imported (what ``python -P`` does).
"""

import os
import sys

if not getattr(sys.flags, "safe_path", False) and sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from linter.cli import main

raise SystemExit(main())
