"""Paper and PDF: the printable checklist and the session summary."""
