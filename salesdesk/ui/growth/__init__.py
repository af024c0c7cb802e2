"""The Growth points tab: ranked levers, the watch list and the deals dragging on (issue 16)."""
