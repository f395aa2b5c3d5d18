"""Tests of cse_cli.core."""
