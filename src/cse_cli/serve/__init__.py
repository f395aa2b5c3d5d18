"""`cse serve`: the evidence editor in the browser, a local web server over one repository.

It sits at the top of the layers with the command line (STYLE.md): its routes
read the repository through `io`, build the pages from the same `views` as
`check`, `gap` and `diff`, and make downloads with the same renderers. Nothing
below imports it, and nothing of it is imported unless `cse serve` runs, so the
web stack (Starlette, uvicorn, python-multipart) never slows another command.

`server` starts it; `guard` keeps everyone but its user out; `bodies` reads
request bodies within their limits; `state` keeps the repository read, reading
it again when a file changes on disk; `app` lists the routes, whose pages are in
`overview`, `element`, `documents`, `changes` and `downloads`.
"""
