"""The Customers tab: NPS surveys, touchpoint audits, lost reasons, the target customer and
competitor notes (issue 17)."""
