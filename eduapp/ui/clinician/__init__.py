"""The clinician workspace: its tabs, models and dialogs."""
