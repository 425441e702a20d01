"""Where results are kept: SQLite on each computer."""
