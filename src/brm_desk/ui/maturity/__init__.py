"""Maturity assessments in the app: their commands, dialogs and the maturity path chart."""
