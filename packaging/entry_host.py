"""Frozen entry point of `presend-host`, the native-messaging host (never loads Qt)."""

import sys

from presend.bridge.host import main

sys.exit(main())
