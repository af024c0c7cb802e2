"""The Qt user interface: models, views, undo commands and dialogs over the store."""
