"""Reading and writing: YAML, folders, git revisions, atomic files and the shipped resources."""
