"""How many rows a page of a list shows, said once."""

# Lists a worker reads row by row: their open cases, the waiting signals, the attention list.
LIST_PAGE_SIZE = 25
# Lists scanned rather than read: a worker's cases for the lead, a client's access log.
LONG_LIST_PAGE_SIZE = 50
