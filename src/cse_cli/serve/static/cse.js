// The editor's only script, a module file (the Content-Security-Policy allows no inline
// script). Every page works without it; it starts GOV.UK Frontend's components (the
// error summary takes focus, the navigation folds into a menu on a phone) and checks
// an upload's size before the file is sent.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

for (const input of document.querySelectorAll("input[type=file][data-max-bytes]")) {
  const limit = Number(input.dataset.maxBytes);
  const message = document.getElementById(input.dataset.errorId);
  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    const over = file && file.size > limit;
    input.setCustomValidity(over ? `The file is over the limit of ${limit.toLocaleString("en-GB")} bytes: cite it with a web address instead` : "");
    if (message) {
      message.hidden = !over;
      message.textContent = over ? input.validationMessage : "";
    }
  });
}

// After a button of a form (add, remove, move, cite), the page comes back at the part it changed.
const form = document.getElementById("file-form");
if (form && form.dataset.focus) {
  const target = document.getElementById(form.dataset.focus);
  if (target) {
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }
}

// Wait until the user pauses before asking the server again.
function later(action, delay = 250) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => action(...args), delay);
  };
}

// The live verdict: the form as it stands, checked by the server as a save would check it,
// nothing written (POST with the form's CSRF token; files are not sent).
if (form && form.dataset.check) {
  const panel = document.getElementById("verdict-panel");
  let asked = 0;
  const ask = later(async () => {
    const data = new FormData(form);
    for (const [name, value] of [...data.entries()]) {
      if (value instanceof File) data.delete(name);
    }
    const number = ++asked;
    try {
      const answer = await fetch(form.dataset.check, { method: "POST", body: data, credentials: "same-origin" });
      if (answer.ok && number === asked) panel.innerHTML = await answer.text();
    } catch {
      // the page works without it: the verdict shows again when the form comes back
    }
  });
  form.addEventListener("change", (event) => {
    if (event.target.type !== "file") ask();
  });
}

// Citing an item: the items found as the user types (GET /cite?fragment=1), Enter searches.
for (const input of document.querySelectorAll("input[data-search]")) {
  const results = document.getElementById(input.dataset.results);
  const search = later(async () => {
    const query = input.value.trim();
    try {
      const answer = await fetch(`${input.dataset.search}&q=${encodeURIComponent(query)}`, { credentials: "same-origin" });
      if (answer.ok && query === input.value.trim()) results.innerHTML = await answer.text();
    } catch {
      // the Search button still works
    }
  });
  input.addEventListener("input", search);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      search();
    }
  });
}
