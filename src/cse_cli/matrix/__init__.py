"""Evidence matrices in Excel or CSV, read into element files and written as a new repository.

The package imports one way inside too: `cells` (a sheet's cells and the
limits) and the readers turn a file into rows (`source` opens it once;
`csv_file`; `xml_part`, `xlsx_package`, `xlsx_styles`, `xlsx_sheet`,
`xlsx_layout` and `xlsx_book` for a workbook, each sheet of which can be read
on its own); `header`, `values`, `dates`, `items` and `recognise` find the
elements and their evidence in the rows of a team's own matrix (another layout
would give the same `Matrix`); `files` renders the repository it gives and
checks it in memory as `cse check` would; `writer` puts it on disk, all of it
or nothing. It uses `io` and `core`; `render` (the export, which writes what
import reads back) and `cli` use it.
"""
