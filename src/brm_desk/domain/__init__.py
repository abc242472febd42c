"""The BRM's world in plain Python: no Qt, no SQL."""
