// Keeps each create form's one-time token (outreach/submissions.py) in the page's session
// history entry. Back fetches a no-store page again with new tokens, and the browser refills
// only what was typed; putting the first visit's token back makes saving again answer
// "already saved" instead of creating the record twice.
(function () {
  "use strict";
  var SELECTOR = "input[type=hidden][name=submission]";

  function keyOf(input) {
    return input.form ? input.form.action : location.href;
  }

  function keep(inputs, restore) {
    var state = Object.assign({}, history.state);
    var tokens = Object.assign({}, state.submissions);
    inputs.forEach(function (input) {
      var key = keyOf(input);
      if (restore && tokens[key]) {
        input.value = tokens[key];
      } else {
        tokens[key] = input.value;
      }
      input.dataset.kept = "true";
    });
    state.submissions = tokens;
    history.replaceState(state, "");
  }

  // Only Back and Forward bring the first visit's tokens back: a reload or a link to the form
  // is a new form, whose fresh tokens replace the kept ones.
  var navigation = performance.getEntriesByType("navigation")[0];
  var returning = navigation !== undefined && navigation.type === "back_forward";

  // A deferred script runs when the page is parsed, before htmx starts on DOMContentLoaded.
  keep(Array.prototype.slice.call(document.querySelectorAll(SELECTOR)), returning);

  // A form swapped in by htmx after a save carries a new token: remember that one.
  document.addEventListener("htmx:load", function (event) {
    var fresh = Array.prototype.filter.call(
      event.target.querySelectorAll(SELECTOR),
      function (input) { return !input.dataset.kept; }
    );
    if (fresh.length) {
      keep(fresh, false);
    }
  });
})();
