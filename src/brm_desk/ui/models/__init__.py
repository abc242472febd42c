"""Qt table models over service queries; tested without views."""
