"""Composition root: settings, command line, wiring, event loop."""
