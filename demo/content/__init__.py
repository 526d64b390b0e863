"""Vietnamese text of the demo site, written for this project (fictional people and units)."""
