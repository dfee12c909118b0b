"""`{% submission_field %}`: a create form's one-time token (outreach/submissions.py)."""

from django import template
from django.utils.html import format_html

from outreach.submissions import FIELD, new_token

register = template.Library()


@register.simple_tag
def submission_field():
    """A fresh token for each form drawn, so two forms on one page never share one."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())
