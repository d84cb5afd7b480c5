"""The pages of the main window: home (choose and start), interview (live), end (review)."""
