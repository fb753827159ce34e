// Small progressive enhancements; every page works without this file.
document.documentElement.classList.add("js");
document.addEventListener("change", (event) => {
  const target = event.target;
  if (target instanceof HTMLSelectElement && target.classList.contains("js-autosubmit")) {
    target.form.submit();
  }
});

// Events: a recording from YouTube or Vimeo is loaded only when the visitor asks for it, so the
// page makes no request to the video site before that click. Without JavaScript the link opens
// the video on the site itself.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element ? event.target.closest(".js-load-embed") : null;
  const holder = link ? link.closest("[data-embed-src]") : null;
  if (!holder) {
    return;
  }
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.src = holder.dataset.embedSrc;
  frame.title = holder.dataset.embedTitle || link.textContent.trim();
  frame.className = "recording-frame";
  frame.allow = "fullscreen; picture-in-picture";
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  frame.setAttribute("allowfullscreen", "");
  holder.replaceChildren(frame);
  frame.focus();
});
