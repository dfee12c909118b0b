from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from cases.forms import apply_service_errors
from outreach.drafts import pop_draft


def handle_form(
    request,
    form_class,
    *,
    save,
    success,
    title,
    done,
    case=None,
    form_kwargs=None,
    intro="",
    drafts=False,
    back=None,
):
    """GET shows the form (with a rescued draft, if any); a valid POST calls `save(cleaned)`,
    which calls a service, says `done` and redirects to `success` (a URL, or a function of what
    `save` returned); errors from the form or the service show
    next to their fields with everything typed kept."""
    form_kwargs = form_kwargs or {}
    context = {}
    if request.method == "POST":
        form = form_class(request.POST, **form_kwargs)
        if form.is_valid():
            try:
                result = save(form.cleaned_data)
            except ValidationError as error:
                apply_service_errors(form, error)
            else:
                messages.success(request, done)
                return redirect(success(result) if callable(success) else success)
    else:
        draft = pop_draft(request) if drafts else None
        form = form_class(draft, **form_kwargs) if draft is not None else form_class(**form_kwargs)
        context["draft_restored"] = draft is not None
    return render(
        request,
        "cases/form.html",
        {"form": form, "title": title, "case": case, "intro": intro, "back": back, **context},
    )
