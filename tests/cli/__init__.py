"""Tests of cse_cli.cli."""
