"""Pure-Python extraction: article text in, dataclasses out. No Django here."""
