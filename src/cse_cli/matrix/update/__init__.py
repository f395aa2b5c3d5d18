"""`cse import --update`: a matrix that comes back merged into the repository it came from.

Written with the rest of the package; see its modules.
"""
