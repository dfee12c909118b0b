"""CSV downloads as Dutch Excel reads them: UTF-8 with a byte-order mark, `;` between cells,
a header row. A cell that a spreadsheet would run as a formula gets a leading quote."""

import csv

from django.http import HttpResponse

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    # A client named "=HYPERLINK(...)" must stay text when a team lead opens the file.
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_response(filename, header, rows):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark.
    writer = csv.writer(response, delimiter=";")
    writer.writerow([safe_cell(str(cell)) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
