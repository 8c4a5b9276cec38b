// Clicking a kommune on a map opens its page (the table below each map has the same links).
document.querySelectorAll("svg.map path.kommune").forEach((shape) => {
  shape.style.cursor = "pointer";
  shape.addEventListener("click", () => {
    window.location.href = "/kommune/" + shape.dataset.kommunenr + "/" + window.location.search;
  });
});
