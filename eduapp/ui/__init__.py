"""Qt widgets that only show and emit signals: theme and shared widgets here, pages below."""
