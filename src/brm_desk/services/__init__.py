"""What a user can do with a journal; each public method is one transaction."""
