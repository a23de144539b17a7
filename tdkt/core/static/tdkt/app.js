// A few lines of behaviour the server-rendered pages need (CSP allows no inline script).
document.addEventListener("submit", function (event) {
  // Destructive or irreversible actions carry data-confirm="question".
  var form = event.target;
  var submitter = event.submitter;
  var question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
document.addEventListener("change", function (event) {
  // Filter forms marked data-autosubmit apply as soon as a select changes.
  var form = event.target.form;
  if (form && form.dataset.autosubmit !== undefined && event.target.tagName === "SELECT") {
    form.requestSubmit();
  }
});
document.addEventListener("click", function (event) {
  // A button with data-copy="#selector" copies that element's text (e.g. a case as JSON).
  var button = event.target.closest ? event.target.closest("button[data-copy]") : null;
  if (!button) {
    return;
  }
  var source = document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) {
    return;
  }
  navigator.clipboard.writeText(source.value !== undefined ? source.value : source.textContent).then(function () {
    if (button.dataset.copied) {
      button.textContent = button.dataset.copied;
    }
  });
});
