// Candidates as you type: asks the server (which folds case and accents and knows former
// names) and lists links under the box. Without this script the form lists them on submit.
(function () {
  const form = document.querySelector("form.search[data-candidates]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const list = form.querySelector(".candidates");
  let pending = null;
  function show(candidates) {
    list.replaceChildren(...candidates.map(function (c) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = c.url;
      link.textContent = c.name;
      item.append(link, " " + [c.code, c.county].filter(Boolean).join(", "));
      if (c.former) {
        const former = document.createElement("span");
        former.className = "hint";
        former.textContent = " (" + form.dataset.formerLabel + " " + c.former + ")";
        item.append(former);
      }
      return item;
    }));
  }
  input.addEventListener("input", function () {
    clearTimeout(pending);
    const query = input.value.trim();
    if (!query) { show([]); return; }
    pending = setTimeout(function () {
      fetch(form.dataset.candidates + "?q=" + encodeURIComponent(query))
        .then(function (response) { return response.ok ? response.json() : { candidates: [] }; })
        .then(function (data) { if (input.value.trim() === query) show(data.candidates); })
        .catch(function () { show([]); });
    }, 120);
  });
})();
