"""Frozen view models of each command's result, built from the evidence, with no I/O."""
