"""The page flow every app's plain forms share: show the form, save it once through a service,
show the service's refusals next to the fields, and the conflict page when someone else saved
first."""

from contextlib import nullcontext
from datetime import date

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from outreach.drafts import pop_draft
from outreach.forms import apply_service_errors
from outreach.submissions import saving_once
from outreach.versioning import EditConflict

# ?formulier=<name>: the page with that form open. A form a page shows only when asked for
# is loaded by htmx when its section opens (includes/form_when_opened.html); without JavaScript
# that template's link asks for the page with the form.
FORM_PARAM = "formulier"


def form_asked_for(request, name):
    return request.GET.get(FORM_PARAM) == name


def form_query(name):
    """The query string that asks for the page with form `name` open."""
    return f"?{FORM_PARAM}={name}"


def handle_form(
    request,
    form_class,
    *,
    save,
    success,
    title,
    done=None,
    case=None,
    form_kwargs=None,
    intro="",
    drafts=False,
    back=None,
    stored_form=None,
    once=True,
):
    """GET shows the form (with a rescued draft, if any); a valid POST calls `save(cleaned)`,
    which calls a service, says `done` (if given) and redirects to `success` (a URL, or a
    function of what `save` returned); errors from the form or the service show next to their
    fields with everything typed kept. When someone else saved the record since the
    form was opened (EditConflict), the conflict page compares `stored_form(current)`, the form
    filled with the stored record, with what was typed.

    A form that creates a record is saved once (outreach.submissions): the view needs
    `@saves_once`. A form that edits a record (`once=False`) carries no token: its version
    already refuses a second post of the same form, and a worker who goes Back, changes it and
    saves again means that change."""
    form_kwargs = form_kwargs or {}
    context = {}
    if request.method == "POST":
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                with saving_once(request) if once else nullcontext() as claim:
                    result = save(form.cleaned_data)
                    url = success(result) if callable(success) else success
                    if claim is not None:
                        url = claim.saved_at(url)
            except ValidationError as error:
                apply_service_errors(form, error)
            except EditConflict as conflict:
                return conflict_page(
                    request,
                    form=form,
                    stored=stored_form(conflict.current),
                    version=conflict.current.version,
                    title=title,
                    back=case.get_absolute_url() if case else back,
                )
            else:
                if done:
                    messages.success(request, done)
                return redirect(url)
    else:
        draft = pop_draft(request) if drafts else None
        form = form_class(draft, **form_kwargs) if draft is not None else form_class(**form_kwargs)
        context["draft_restored"] = draft is not None
    return render(
        request,
        "outreach/form.html",
        {
            "form": form,
            "title": title,
            "case": case,
            "intro": intro,
            "back": back,
            "once": once,
            **context,
        },
    )


def _shown(field, value):
    """A form value as a reader sees it: a choice's label, a date as dd-mm-jjjj, ja/nee."""
    if isinstance(value, list | tuple):
        return ", ".join(filter(None, (_shown(field, v) for v in value)))
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return date_format(value, "SHORT_DATE_FORMAT")
    choices = getattr(field, "choices", None)
    if choices is not None:
        labels = {str(k): str(v) for k, v in choices}
        return labels.get(str(value), str(value))
    if isinstance(field, forms.DateField):
        # What was typed arrives as the date input posts it, ISO.
        try:
            return date_format(date.fromisoformat(str(value)), "SHORT_DATE_FORMAT")
        except ValueError:
            return str(value)
    return str(value)


def conflict_rows(form, stored):
    """(label, stored, typed) for each field where the stored record and what this user typed
    differ."""
    labels = getattr(form, "conflict_labels", {})
    # A form's `not_stored` fields (a question for one step) have no stored value to differ from.
    skipped = {"expected_version", *getattr(form, "not_stored", ())}
    rows = []
    for name, field in form.fields.items():
        if name in skipped:
            continue
        was = _shown(field, stored[name].value())
        typed = _shown(field, form[name].value())
        if was != typed:
            rows.append((labels.get(name) or field.label or name, was, typed))
    return rows


def conflict_page(request, *, form, stored, version, title, back, extra=(), template=None):
    """HTTP 409: someone else saved this record since this user opened the form. The first save
    stands; the page shows both versions side by side and the form again, filled with what this
    user typed and now carrying the stored version, so they can save it over knowingly. `extra`
    are formsets posted with the form (a client's household)."""
    rows = conflict_rows(form, stored)
    # The same bound form, now carrying the stored version: saving it again is a deliberate
    # overwrite of what is there.
    data = form.data.copy()
    data[form.add_prefix("expected_version")] = str(version)
    form.data = data
    context = {"title": title, "back": back, "rows": rows, "form": form, "extra": extra}
    if request.htmx:
        return render(request, "includes/conflict.html#conflict-notice", context, status=409)
    return render(request, template or "includes/conflict.html", context, status=409)
