"""English hooks: none so far; everything English lives in the JSON files beside this module."""
