"""Tests of each screen and dialog with pytest-qt."""
