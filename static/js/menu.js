// The folded main menu on small screens. Without JavaScript a "Meny" link leads to the menu in
// the footer; here it becomes a disclosure button that opens the menu in place. Escape closes
// the open menu and gives the focus back to the button.
(function () {
  const button = document.querySelector("[data-menu-button]");
  const link = document.querySelector("[data-menu-link]");
  const menu = document.querySelector("[data-menu]");
  if (!button || !menu) {
    return;
  }
  if (link) {
    link.hidden = true;
  }
  button.hidden = false;
  menu.classList.add("main-nav--folding");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    menu.classList.toggle("is-open", open);
  }

  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  [button, menu].forEach(function (element) {
    element.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        button.focus();
      }
    });
  });
})();
