"""Presend native-messaging host: the bridge between the browser extension and the core."""
