"""The action catalog data, installed as shortcuts2py._catalog."""
