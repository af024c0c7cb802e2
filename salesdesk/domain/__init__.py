"""Pure-Python rules of salesdesk: deals, validation and the reference maths.

Nothing here imports Qt, SQLite or numpy, so every rule is testable on its own and the other
layers (store, analytics, ui) agree because they all defer to it.
"""
