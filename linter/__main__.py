"""``python -m linter`` behaves exactly like the ``copydesk`` command."""

from linter.cli import main

raise SystemExit(main())
