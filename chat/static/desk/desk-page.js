/* The desk page: sign in with an adviser token (pasted, or a development token in development mode). */
(function () {
  "use strict";
  const root = document.getElementById("desk");
  const desk = window.ChatlogDesk.mount(root, {});
  window.chatlogDesk = desk;
  const signin = document.getElementById("signin");
  const workspace = document.getElementById("workspace");
  const tokenField = document.getElementById("token");
  const note = document.getElementById("dev-note");

  function start(token) {
    tokenField.value = "";
    desk.connect(token);
  }

  root.addEventListener("desk:signed-in", function () {
    signin.hidden = true;
    workspace.hidden = false;
  });
  root.addEventListener("desk:signed-out", function () {
    workspace.hidden = true;
    signin.hidden = false;
    tokenField.focus();
  });

  document.getElementById("signin-form").addEventListener("submit", function (event) {
    event.preventDefault();
    const token = tokenField.value.trim();
    if (token) start(token);
  });
  document.getElementById("dev-token").addEventListener("click", async function () {
    note.textContent = "";
    try {
      const response = await fetch("/api/dev/tokens", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ role: "adviser", subject: "demo-adviser" }),
      });
      if (!response.ok) {
        note.textContent = "Utviklingstokens finnes bare i utviklingsmodus. Bruk bankens innlogging.";
        return;
      }
      start((await response.json()).token);
    } catch (err) {
      note.textContent = "Fikk ikke kontakt med serveren.";
    }
  });
  document.getElementById("sign-out").addEventListener("click", function () {
    desk.disconnect();
    workspace.hidden = true;
    signin.hidden = false;
    tokenField.focus();
  });
})();
