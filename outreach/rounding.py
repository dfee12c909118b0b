from decimal import ROUND_HALF_UP, Decimal


def one_decimal(value):
    """Round half up to one decimal, the same on the page, in the PDF and in the CSV (Python's
    round() rounds halves to even: 0.25 would become 0.2)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
