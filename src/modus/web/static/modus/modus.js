// Small progressive enhancements; every page works without this file.
document.documentElement.classList.add("js");
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.classList.contains("js-autosubmit")) {
    target.form.submit();
  }
});
