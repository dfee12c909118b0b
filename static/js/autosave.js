// A form that saves itself as you go (htmx, queued with hx-sync) and carries its record's
// version (outreach.versioning) in the status line each autosave answers with. Pressing one of
// its submit buttons while an autosave is still on its way would post the version from before
// that save, and the server would take the worker's own save for someone else's. So the submit
// waits until the page's autosaves have answered, then goes with the version they brought back.
// Without this script (or without htmx) there are no autosaves, and a submit goes at once.
(function () {
  "use strict";

  const AUTOSAVING = "form[data-autosave]";
  const onTheirWay = new WeakMap(); // form -> autosaves sent and not yet answered
  const pressed = new WeakMap(); // form -> the button pressed while they were

  function count(event, step) {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.matches(AUTOSAVING)) {
      onTheirWay.set(form, Math.max(0, (onTheirWay.get(form) || 0) + step));
      return form;
    }
    return null;
  }

  document.addEventListener("htmx:beforeSend", (event) => count(event, 1));

  document.addEventListener("htmx:afterRequest", (event) => {
    const form = count(event, -1);
    if (!form) return;
    // htmx sends the next queued autosave right after this event: look once it has.
    setTimeout(() => {
      if (onTheirWay.get(form) || !pressed.has(form)) return;
      const button = pressed.get(form);
      pressed.delete(form);
      if (button) button.removeAttribute("aria-busy");
      form.requestSubmit(button);
    }, 0);
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches(AUTOSAVING) || !onTheirWay.get(form)) return;
    event.preventDefault();
    const button = event.submitter;
    const before = pressed.get(form);
    if (before && before !== button) before.removeAttribute("aria-busy");
    pressed.set(form, button);
    if (button) button.setAttribute("aria-busy", "true");
  });
})();
