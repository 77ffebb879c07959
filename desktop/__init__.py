"""Presend tray app (PySide6): checker window, clipboard watch and the relay socket."""
