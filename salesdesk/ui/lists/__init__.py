"""The Lists dialog: rename, merge, retire and reorder the values of each lookup list."""
