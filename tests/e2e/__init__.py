"""Whole walks: the app and its commands in subprocesses, and real faults."""
