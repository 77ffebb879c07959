"""Frozen entry point of `presend`: the tray app, plus `check` and `install-host`."""

import sys

from presend.core.cli import main

sys.exit(main())
