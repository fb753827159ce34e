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

// Events check-in: where the browser has BarcodeDetector, scan a participant's QR code with the
// camera; the code field is filled in and sent. Without it, staff type the code.
(() => {
  const form = document.querySelector("form[data-qr-scan]");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  const input = form.querySelector('input[name="code"]');
  const area = document.createElement("div");
  area.className = "check-in-scan";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button-secondary check-in-button";
  button.textContent = form.dataset.scanLabel;
  area.append(button);
  form.append(area);
  button.addEventListener("click", async () => {
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch {
      return;
    }
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    video.setAttribute("aria-label", form.dataset.cameraLabel);
    video.srcObject = stream;
    area.append(video);
    await video.play();
    const stop = () => {
      stream.getTracks().forEach((track) => track.stop());
      video.remove();
    };
    const scan = async () => {
      try {
        const found = await detector.detect(video);
        if (found.length) {
          input.value = found[0].rawValue;
          stop();
          form.requestSubmit();
          return;
        }
      } catch {
        stop();
        return;
      }
      requestAnimationFrame(scan);
    };
    scan();
  });
})();
