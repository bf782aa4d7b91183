// lrkit serve's page script: small, and with nothing fetched from elsewhere.
(() => {
  "use strict";

  // 1. A notice when the page's connection to its kernel on the server is lost (the server
  //    stopped, the network dropped, or the kernel was shut down): the page no longer saves.
  let leaving = false;
  window.addEventListener("beforeunload", () => { leaving = true; });
  window.addEventListener("pagehide", () => { leaving = true; });
  let notice = null;
  const showLost = () => {
    if (leaving || notice || !document.body) return;
    notice = document.createElement("div");
    notice.className = "lr-connection-lost";
    notice.setAttribute("role", "alert");
    notice.textContent = "The connection to the workshop server was lost: what you do now " +
      "is not saved. Answers saved before are kept. Reload the page when the server is back.";
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => window.location.reload());
    notice.append(" ", reload);
    document.body.prepend(notice);
  };
  const hideLost = () => {
    if (notice) { notice.remove(); notice = null; }
  };
  const PageSocket = window.WebSocket;
  window.WebSocket = class extends PageSocket {
    constructor(url, protocols) {
      if (protocols === undefined) super(url); else super(url, protocols);
      if (String(url).includes("/api/kernels/")) {
        this.addEventListener("open", hideLost);
        this.addEventListener("close", showLost);
      }
    }
  };

  // 2. When the app shows a group's link (a.lr-group-link, a relative "?session=...&group=..."),
  //    put it in the address bar, so that reloading the page opens the group again.
  const links = document.getElementsByClassName("lr-group-link");
  const followGroupLink = () => {
    const link = links[links.length - 1];
    const href = link && link.tagName === "A" && link.getAttribute("href");
    if (!href) return;
    const target = new URL(href, window.location.href);
    if (target.origin === window.location.origin && target.href !== window.location.href) {
      window.history.replaceState(null, "", target.href);
    }
  };
  new MutationObserver(followGroupLink).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ["href"],
  });
})();
