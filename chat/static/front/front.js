/* The front door in development mode: development tokens on request (POST /api/dev/tokens).
   Tokens stay in this page's memory and the text box; nothing is stored. */
(function () {
  "use strict";
  const result = document.getElementById("token-result");
  const out = document.getElementById("token-out");
  const label = document.getElementById("token-label");
  const status = document.getElementById("token-status");
  const origin = document.querySelector(".front__origin");
  if (origin) origin.textContent = window.location.origin;

  async function create(form) {
    const role = form.dataset.role;
    const subject = form.elements.subject.value.trim();
    status.textContent = "";
    try {
      const response = await fetch("/api/dev/tokens", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ role: role, subject: subject }),
      });
      const body = await response.json();
      if (!response.ok) {
        status.textContent = (body.error && body.error.message) || "The token could not be created.";
        return;
      }
      label.textContent = "Token for " + body.role + " " + body.subject + " (valid 8 hours)";
      out.value = body.token;
      result.hidden = false;
      status.textContent = "Token created for " + body.role + " " + body.subject + ".";
      out.focus();
      out.select();
    } catch (err) {
      status.textContent = "The server could not be reached.";
    }
  }

  document.querySelectorAll(".front__token").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      create(form);
    });
  });
  document.getElementById("token-copy").addEventListener("click", async function () {
    try {
      await navigator.clipboard.writeText(out.value);
      status.textContent = "Copied.";
    } catch (err) {
      out.select();
      status.textContent = "Select the token and copy it (Ctrl+C).";
    }
  });
})();
