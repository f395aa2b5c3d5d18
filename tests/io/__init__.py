"""Tests of cse_cli.io."""
