"""Tests of cse_cli.views."""
