"""Evidence matrices in Excel or CSV, read into element files and written as a new repository.

The package imports one way inside too: `cells` (a sheet's cells and the
limits) and the readers (`source`, `csv_file`, `xlsx_*`) turn a file into
rows; `header`, `values`, `dates`, `items` and `recognise` find the elements
and their evidence in the rows; `files` renders the repository they give and
checks it as `cse check` would, in memory; `writer` puts it on disk, all of it
or nothing. It uses `io` and `core`; `render` (the export) and `cli` use it.
"""
