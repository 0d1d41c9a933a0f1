"""The grammar of the workflow language, installed as shortcuts2py._grammars."""
