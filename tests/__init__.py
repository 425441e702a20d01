"""Tests: core without Qt, every screen with pytest-qt, whole walks end to end."""
