"""The Scorecards tab: rep assessments against results, and per-deal preparation sheets."""
