// Matchmaking: while the scheduler runs in the background, ask for its progress every second,
// move the progress bar and the live text, and reload the page once the run has ended (the page
// then shows the draft or the error). Without JavaScript the page refreshes itself every three
// seconds instead (<noscript> in the page's head).
(() => {
  const panel = document.querySelector("[data-run-status-url]");
  if (!panel || !window.fetch) return;
  const url = panel.dataset.runStatusUrl;
  const bar = panel.querySelector("progress");
  const text = panel.querySelector("[data-run-text]");
  const POLL_MS = 1000;
  const RETRY_MS = 5000;

  const show = (status) => {
    if (bar && typeof status.progress === "number") {
      bar.value = status.progress;
      bar.textContent = `${status.progress}%`;
    }
    if (text && status.text && text.textContent !== status.text) {
      text.textContent = status.text;
    }
  };

  const poll = () => {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((response) => {
        if (!response.ok) throw new Error(`status ${response.status}`);
        return response.json();
      })
      .then((status) => {
        show(status);
        if (status.active) {
          window.setTimeout(poll, POLL_MS);
        } else {
          window.location.reload();
        }
      })
      .catch(() => window.setTimeout(poll, RETRY_MS));
  };

  window.setTimeout(poll, POLL_MS);
})();
