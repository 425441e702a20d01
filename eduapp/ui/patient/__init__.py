"""The patient's pages, the kiosk idle reset and read-aloud."""
