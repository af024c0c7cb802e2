"""Importing deals from CSV/XLSX files: the wizard over the store's import engine."""
