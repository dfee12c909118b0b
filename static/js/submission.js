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

// Nothing typed is lost when the connection drops. A recording form (one with a token) posted
// without a connection stays on the page: what was typed is kept in sessionStorage, under this
// user and this form, a notice says so, and it is sent again when the connection is back or
// when asked, with the same one-time token, so the server saves it once. A form sent with a
// connection is kept too until the next page loads, which is the server's answer: a
// connection that drops during the post leaves the browser's error page, and Back finds the
// text again, with a notice that the send may not have arrived (saving sends it once more, with
// the first token kept above, so it is saved once either way). Logging out removes everything
// kept. sessionStorage belongs to this tab only.
(function () {
  "use strict";
  var user = document.body.dataset.user;
  if (!user) {
    return;
  }
  var PREFIX = "outreach:kept:" + user + ":";
  var SELECTOR = "form:has(input[type=hidden][name=submission])";

  function keyOf(form) {
    return PREFIX + new URL(form.action, location.href).pathname;
  }

  function read(key) {
    try {
      return JSON.parse(sessionStorage.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function keep(form, pending) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && typeof value === "string") {
        (fields[name] = fields[name] || []).push(value);
      }
    });
    sessionStorage.setItem(keyOf(form), JSON.stringify({ fields: fields, pending: pending }));
  }

  function refill(form, fields) {
    Array.prototype.forEach.call(form.elements, function (element) {
      var values = fields[element.name];
      if (!values || element.name === "csrfmiddlewaretoken") {
        return;
      }
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = values.indexOf(element.value) !== -1;
      } else if (element.tagName === "SELECT" && element.multiple) {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = values.indexOf(option.value) !== -1;
        });
      } else {
        element.value = values[0];
      }
    });
  }

  // One waiting send per form, however often saving was tried without a connection.
  var waiting = new WeakMap();

  function sendWhenOnline(form) {
    if (waiting.has(form)) {
      window.removeEventListener("online", waiting.get(form));
    }
    function send() {
      window.removeEventListener("online", send);
      waiting.delete(form);
      form.requestSubmit();
    }
    waiting.set(form, send);
    window.addEventListener("online", send);
    return send;
  }

  // `unsure`: the form is here again by Back after a send that may not have arrived, rather
  // than kept without a connection. Kept offline, it goes by itself once the connection is back;
  // an unsure one goes again only when asked, since the worker may be changing it.
  function tell(form, unsure) {
    var notice = form.querySelector(".offline-notice");
    if (!notice) {
      notice = document.createElement("div");
      notice.className = "notice offline-notice";
      notice.setAttribute("role", "alert");
      var text = document.createElement("p");
      text.textContent = unsure
        ? document.body.dataset.offlineUnsure
        : document.body.dataset.offlineKept;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = document.body.dataset.offlineSend;
      notice.appendChild(text);
      notice.appendChild(button);
      form.insertBefore(notice, form.firstChild);
    }
    notice.querySelector("button").onclick = unsure
      ? function () { form.requestSubmit(); }
      : sendWhenOnline(form);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList.contains("logout")) {
      Object.keys(sessionStorage).forEach(function (key) {
        if (key.indexOf("outreach:kept:") === 0) {
          sessionStorage.removeItem(key);
        }
      });
      return;
    }
    if (!form.matches(SELECTOR)) {
      return;
    }
    if (navigator.onLine) {
      keep(form, true);
      return;
    }
    event.preventDefault();
    keep(form, false);
    tell(form);
  });

  // On each page: a form kept without a connection is filled in again and told about. A send
  // still pending was answered, by this page or one before it, unless Back or Forward brought
  // its form back: a form here then is a new one, left as the server drew it (with its errors
  // beside the fields and what was typed, or empty with a fresh token; filled in again, it
  // would carry the used token and answer "already saved"). A form that Back or Forward
  // brings back after a pending send may not have been saved: the connection dropped during
  // the post and the browser showed its error page.
  var navigation = performance.getEntriesByType("navigation")[0];
  var returning = navigation !== undefined && navigation.type === "back_forward";
  var here = {};
  Array.prototype.forEach.call(document.querySelectorAll(SELECTOR), function (form) {
    here[keyOf(form)] = form;
  });
  Object.keys(sessionStorage).forEach(function (key) {
    if (key.indexOf(PREFIX) !== 0) {
      return;
    }
    var kept = read(key);
    var form = here[key];
    if (kept === null || (kept.pending && !(form && returning))) {
      sessionStorage.removeItem(key);
    } else if (form) {
      refill(form, kept.fields);
      tell(form, kept.pending);
    }
  });
})();
