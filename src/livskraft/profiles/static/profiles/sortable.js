// Sortable tables: each column heading of a table.sortable becomes a button; pressing it
// sorts the rows by that column (numbers as the page's language writes them: 1 234,5 and
// −3,2 % in Norwegian, 1,234.5 in English), again to reverse. Without this script the table
// stays in its server order.
(function () {
  const english = document.documentElement.lang === "en";
  function value(cell) {
    const text = cell.textContent.trim();
    const plain = text.replace(/[\s\u00a0%*]/g, "").replace("\u2212", "-");
    const number = english ? plain.replace(/,/g, "") : plain.replace(",", ".");
    return number !== "" && !isNaN(number) ? Number(number) : text.toLocaleLowerCase("nb");
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    const headings = table.querySelectorAll("thead th");
    headings.forEach(function (heading, column) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = heading.textContent;
      heading.replaceChildren(button);
      button.addEventListener("click", function () {
        const ascending = heading.getAttribute("aria-sort") !== "ascending";
        headings.forEach(function (other) { other.removeAttribute("aria-sort"); });
        heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort(function (a, b) {
          const x = value(a.cells[column]), y = value(b.cells[column]);
          const order = typeof x === "number" && typeof y === "number" ? x - y
            : String(x).localeCompare(String(y), "nb");
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  });
})();
