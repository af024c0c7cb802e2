"""Data safety in the window (DESIGN.md §7): the actions (data_safety), their dialogs
(dialogs), and what happens when a file cannot be opened (damaged)."""
