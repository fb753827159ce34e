// Type-ahead for the opportunity search: fills the field's <datalist> with matching titles.
// Without JavaScript the form still searches on submit.
(function () {
  const form = document.querySelector("form[data-hints-url]");
  if (!form) return;
  const input = form.querySelector("input[data-hints]");
  const list = document.getElementById("opportunity-hints");
  const eventField = form.querySelector("input[name=event]");
  let timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      const params = new URLSearchParams({ q: input.value });
      if (eventField) params.set("event", eventField.value);
      fetch(form.dataset.hintsUrl + "?" + params.toString())
        .then((response) => response.json())
        .then((data) => {
          list.replaceChildren(...data.titles.map((title) => {
            const option = document.createElement("option");
            option.value = title;
            return option;
          }));
        })
        .catch(() => {});
    }, 200);
  });
})();
