"""Reports: a slice's figures and the salespeople's scorecards, as data and as text.

Above analytics and the store, below the UI and the CLI: a report reads what the store and the
analytics cache answer and renders it (table, JSON, CSV); the UI draws the same data, the CLI
prints it.
"""
