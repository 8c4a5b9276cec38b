// The national page's maps made large, zoomable and pannable with Leaflet (vendored, no
// tiles: the kommune outlines are the map). Each server-drawn SVG map keeps its colours and
// labels: every kommune is coloured as its <path> is, and its <title> is the tooltip.
// Keyboard: Tab to the map, arrows pan, + and − zoom; the table beside has every kommune
// as a link. Without JavaScript (or Leaflet) the SVG map stays as it is.
(function () {
  const source = document.querySelector("[data-outlines]");
  const maps = document.querySelectorAll("figure.map-figure > svg.map");
  if (!source || !maps.length || typeof L === "undefined") return;
  fetch(source.dataset.outlines)
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (outlines) { if (outlines) maps.forEach(function (svg) { upgrade(svg, outlines); }); })
    .catch(function () { /* the SVG map stays */ });

  function upgrade(svg, outlines) {
    const paths = {};
    svg.querySelectorAll("path.kommune").forEach(function (path) {
      const title = path.querySelector("title");
      paths[path.dataset.kommunenr] = { fill: path.getAttribute("fill"),
                                        label: title ? title.textContent : "" };
    });
    const holder = document.createElement("div");
    holder.className = "zoomable-map";
    const title = svg.querySelector(":scope > title");
    holder.setAttribute("aria-label", (title ? title.textContent + ". " : "") +
      (document.documentElement.lang === "en" ? "Zoomable map: arrow keys pan, + and − zoom."
        : "Kart som kan forstørres: piltastene flytter, + og − forstørrer og forminsker."));
    svg.parentNode.insertBefore(holder, svg);
    svg.style.display = "none";
    const map = L.map(holder, { zoomSnap: 0.25, attributionControl: false, keyboard: true });
    const layer = L.geoJSON(outlines, {
      style: function (feature) {
        const own = paths[feature.properties.kommunenr];
        return { color: "#ffffff", weight: 0.6, fillOpacity: 1,
                 fillColor: own ? own.fill : "#e0e0e0" };
      },
      onEachFeature: function (feature, shape) {
        const own = paths[feature.properties.kommunenr];
        shape.bindTooltip(own && own.label ? own.label : feature.properties.navn, { sticky: true });
        shape.on("click", function () {
          window.location.href = "/kommune/" + feature.properties.kommunenr + "/" + window.location.search;
        });
      },
    }).addTo(map);
    // with a filter, start on the kommuner it keeps (the others are drawn pale)
    const kept = layer.getLayers().filter(function (shape) {
      return shape.options.fillColor !== source.dataset.pale;
    });
    const chosen = kept.length && kept.length < layer.getLayers().length ? L.featureGroup(kept) : layer;
    map.fitBounds(chosen.getBounds());
    holder.dataset.kommuner = String(layer.getLayers().length);
  }
})();
