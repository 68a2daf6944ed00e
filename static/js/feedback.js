// "Hjälpte sidan dig?" answered in place: the answer, and then the comment, is posted with
// fetch and the section is replaced by the step the portal sends back, with the focus moved
// to its thanks (or to what was wrong). Without JavaScript, or when the post fails, the form
// is posted as usual and the portal leads back to this section.
(function () {
  function enhance(section) {
    const form = section.querySelector("[data-feedback-form]");
    if (!form) {
      return;
    }
    form.addEventListener("submit", function (event) {
      if (form.dataset.plain) {
        return;
      }
      event.preventDefault();
      const submitter = event.submitter;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form, submitter),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.text();
        })
        .then(function (html) {
          const template = document.createElement("template");
          template.innerHTML = html;
          const next = template.content.getElementById(section.id);
          if (!next) {
            throw new Error("No feedback step in the answer");
          }
          section.replaceWith(next);
          enhance(next);
          const focus = next.querySelector(".error-summary") || next.querySelector("[data-feedback-focus]");
          if (focus) {
            focus.focus();
          }
        })
        .catch(function () {
          form.dataset.plain = "true";
          form.requestSubmit(submitter);
        });
    });
  }

  const section = document.getElementById("aterkoppling");
  if (section) {
    enhance(section);
  }
})();
