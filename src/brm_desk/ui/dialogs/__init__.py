"""Dialogs; message boxes go through :mod:`brm_desk.ui.dialogs.messages`."""
