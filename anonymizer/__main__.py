"""``python -m anonymizer``: see anonymizer/cli.py."""

from anonymizer.cli import main

raise SystemExit(main())
