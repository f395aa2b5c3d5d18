"""Tests of cse_cli.render."""
