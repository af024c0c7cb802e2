"""The Deals tab: the list, the entry form and the deal edits."""
