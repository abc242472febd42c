"""The pages the sidebar switches between."""
