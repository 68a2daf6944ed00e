// The print button on the card: a plain convenience; the browser's own print works without it.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
