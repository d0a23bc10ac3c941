"""The live 'already reported?' candidates."""
