// The tickable checklist: each item of a checklist inside [data-checklist-key] becomes a
// checkbox with its label. The ticks stay in this browser only (localStorage, under the page's
// key, which holds the routine's version); nothing is sent anywhere. Without JavaScript the
// checklist stays a plain list. A [data-checklist-tools] block, hidden until now, holds the
// "Rensa" button that clears the ticks.
(function () {
  const containers = document.querySelectorAll("[data-checklist-key]");
  if (!containers.length) {
    return;
  }

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "[]");
    } catch (error) {
      return [];
    }
  }

  function write(key, ticked) {
    try {
      if (ticked.length) {
        window.localStorage.setItem(key, JSON.stringify(ticked));
      } else {
        window.localStorage.removeItem(key);
      }
    } catch (error) {
      // Storage refused (private mode, full): the ticks last until the page is left.
    }
  }

  containers.forEach((container, containerIndex) => {
    const key = container.dataset.checklistKey;
    const saved = new Set(read(key));
    const boxes = [];
    container.querySelectorAll(".checklist").forEach((list, listIndex) => {
      list.classList.add("checklist--tickable");
      list.querySelectorAll(":scope > li").forEach((item, itemIndex) => {
        const name = `${listIndex}-${itemIndex}`;
        const box = document.createElement("input");
        box.type = "checkbox";
        box.id = `checklist-${containerIndex}-${name}`;
        box.dataset.item = name;
        box.checked = saved.has(name);
        const label = document.createElement("label");
        label.htmlFor = box.id;
        while (item.firstChild) {
          label.appendChild(item.firstChild);
        }
        item.append(box, label);
        boxes.push(box);
      });
    });
    const save = () =>
      write(
        key,
        boxes.filter((box) => box.checked).map((box) => box.dataset.item),
      );
    boxes.forEach((box) => box.addEventListener("change", save));

    document.querySelectorAll("[data-checklist-tools]").forEach((tools) => {
      const clear = tools.querySelector("[data-checklist-clear]");
      const status = tools.querySelector("[data-checklist-status]");
      tools.hidden = false;
      clear.addEventListener("click", () => {
        boxes.forEach((box) => {
          box.checked = false;
        });
        write(key, []);
        status.textContent = "Bockarna är borttagna.";
      });
    });
  });
})();
