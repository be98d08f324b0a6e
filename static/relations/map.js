// Draws the relations map from the figure the server sends as JSON (plotly-geo.min.js).
// Moving the slider, or Play, keeps the URL and the form on the day shown and brings the
// list of partners for that day. Without JavaScript the form and the list do the same work.
(function () {
  "use strict";

  function read(id) {
    const source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  // The map keeps the world's proportions (about 2.2 wide for 1 tall without Antarctica):
  // its height follows the width, plus room for the slider and Play below it.
  function fitToWidth(figure, config, width) {
    figure.layout.height = Math.round(width * 0.46) + 110;
    if (width < 640) {
      // A phone: the day above the slider names the step; its tick labels would overlap,
      // and a finger swiping over the map scrolls the page instead of panning the world.
      figure.layout.sliders.forEach(function (slider) {
        slider.font = Object.assign({}, slider.font, { color: "rgba(0,0,0,0)" });
      });
      figure.layout.dragmode = false;
    }
  }

  let listRequest = null;

  function showDay(day) {
    const url = new URL(window.location.href);
    if (!day || url.searchParams.get("date") === day) return;
    url.searchParams.set("date", day);
    history.replaceState(history.state, "", url);
    const input = document.getElementById("id_date");
    if (input) input.value = day;
    // During Play the days go by fast: ask for the list once the slider rests.
    clearTimeout(listRequest);
    listRequest = setTimeout(function () {
      if (window.htmx) {
        htmx.ajax("GET", url.pathname + url.search, { target: "#map-partners", swap: "outerHTML" });
      }
    }, 300);
  }

  function draw() {
    const element = document.getElementById("relations-map");
    if (!element || !window.Plotly || element.dataset.drawn) return;
    const figure = read(element.dataset.figureSource);
    const config = read(element.dataset.configSource);
    fitToWidth(figure, config, element.clientWidth);
    element.dataset.drawn = "yes";
    Plotly.newPlot(element, figure.data, figure.layout, config)
      .then(function () {
        return Plotly.addFrames(element, figure.frames || []);
      })
      .then(function () {
        // Screen readers get the list under the map instead of the drawing.
        element.querySelectorAll("svg.main-svg").forEach(function (svg) {
          svg.setAttribute("aria-hidden", "true");
        });
        element.on("plotly_click", function (event) {
          const point = event.points && event.points[0];
          if (point && point.customdata) window.location.assign(point.customdata);
        });
        element.on("plotly_sliderchange", function (event) {
          showDay(event.step.label);
        });
        element.on("plotly_animatingframe", function (event) {
          showDay(event.name);
        });
        element.dataset.ready = "yes";
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
