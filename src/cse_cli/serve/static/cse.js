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
