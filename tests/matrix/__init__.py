"""Tests of cse_cli.matrix, module by module, without the command line."""
