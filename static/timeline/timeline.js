// Draws the Plotly figures the server sends as JSON, opens events in the side
// panel, and brings a targeted sentence into view. Everything works without it.
(function () {
  "use strict";

  let lastListUrl = null;
  // Filters start folded on a phone; a swapped-in form keeps what the user chose.
  const narrow = window.matchMedia("(max-width: 760px)");
  let filtersOpen = !narrow.matches;

  function applyFilterBox(root) {
    const box = root.querySelector ? root.querySelector(".filter-box") : null;
    if (box) box.open = filtersOpen;
  }

  function filtersQuery() {
    // The timeline's filters without the page of the list: an event opened from a
    // filtered view carries them, so that its page leads back to the same view.
    const params = new URLSearchParams(window.location.search);
    params.delete("page");
    const query = params.toString();
    return query ? "?" + query : "";
  }

  function openEvent(url, chart) {
    // Prefer the list's own link: it carries the htmx panel attributes.
    const link = document.querySelector('#results a.event-link[href="' + url + '"]');
    const panel = document.getElementById("panel");
    if (link) {
      link.click();
    } else if (window.htmx && panel) {
      // The chart draws every filtered event, the list one page of them: an event on
      // another page opens in the panel all the same, with its own URL pushed.
      htmx.ajax("GET", url, { source: chart, target: panel, swap: "innerHTML", push: url + filtersQuery() });
    } else {
      window.location.href = url;
    }
  }

  // Which Plotly bundle this document has run. A page restored from history (Back)
  // keeps the <head> of the page it replaced, which may have loaded no Plotly at all
  // (an event page) or another bundle: the chart then loads its own.
  const plotlyScript = document.querySelector('script[src*="/vendor/plotly"]');
  let plotlyLoaded = plotlyScript ? plotlyScript.src : null;
  let plotlyLoading = null;

  function withPlotly(element, draw) {
    const wanted = new URL(element.dataset.plotlySrc || "", window.location.href).href;
    if (window.Plotly && (!element.dataset.plotlySrc || plotlyLoaded === wanted)) {
      draw();
    } else if (window.Plotly) {
      window.location.reload(); // another bundle is loaded: a fresh page gets the right one
    } else if (element.dataset.plotlySrc) {
      if (!plotlyLoading) {
        plotlyLoading = new Promise(function (resolve, reject) {
          const script = document.createElement("script");
          script.src = wanted;
          script.onload = function () {
            plotlyLoaded = wanted;
            resolve();
          };
          script.onerror = reject;
          document.head.appendChild(script);
        });
      }
      plotlyLoading.then(draw);
    }
  }

  // Plotly's "responsive" only follows the window; the side panel also changes the chart's width.
  const resizer = window.ResizeObserver
    ? new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          if (entry.target.isConnected && entry.target.dataset.drawn) {
            Plotly.Plots.resize(entry.target);
          }
        });
      })
    : null;

  function fitNarrowChart(figure) {
    // A phone: lane names go inside the plot, over the top of each lane, so the
    // dates get the whole width; lanes grow a little to make room for them.
    const layout = figure.layout;
    const yaxis = layout.yaxis;
    yaxis.tickvals = layout.meta.lane_tops.map(function (top) { return top + 0.02; });
    yaxis.ticklabelposition = "inside bottom";
    yaxis.tickfont = { size: 12, color: "#1f2328" };
    yaxis.ticklen = 0;
    layout.height += 22 * yaxis.ticktext.length;
    layout.margin = Object.assign({}, layout.margin, { l: 4 });
    // Plotly gives a narrow plot two dates; months and years on two short lines let
    // five or six fit.
    layout.xaxis.nticks = 10;
    layout.xaxis.tickfont = { size: 11 };
    layout.xaxis.tickformatstops = [
      { dtickrange: [null, 86400000 * 27], value: "%-d %b\n%Y" },
      { dtickrange: [86400000 * 27, "M11"], value: "%b\n%Y" },
      { dtickrange: ["M11", null], value: "%Y" },
    ];
    // Notes on events out of view go under the lane's name, not over it.
    layout.meta.note_drop = 0.45;
    figure.data.forEach(function (trace) {
      // Bars keep to the lower part of their lane, clear of its name.
      if (trace.type === "bar" && trace.width && trace.name !== "relations in place" && trace.name !== "eras") {
        trace.width = trace.width.map(function (w) { return Math.min(w, 0.45); });
      }
    });
  }

  // A finger on the chart scrolls the page; a tap still opens an event, and the
  // slider under the chart and its buttons move through time.
  const touch = window.matchMedia("(pointer: coarse)");

  function drawCharts(root) {
    root.querySelectorAll("[data-figure]").forEach(function (element) {
      if (element.dataset.drawn) return;
      const source = document.getElementById(element.dataset.figure);
      if (!source) return;
      element.dataset.drawn = "yes";
      withPlotly(element, function () { drawChart(element, JSON.parse(source.textContent)); });
    });
  }

  function drawChart(element, figure) {
    if (!element.isConnected) return;
    if (element.clientWidth < 520 && figure.layout.yaxis.ticktext) fitNarrowChart(figure);
    if (touch.matches) {
      figure.layout.dragmode = false;
      figure.config.scrollZoom = false;
    }
    // Resizing (the window, the side panel) autosizes the chart to its box: the box
    // takes the figure's height, which grows with the lanes.
    element.style.height = figure.layout.height + "px";
    Plotly.newPlot(element, figure.data, figure.layout, figure.config).then(function () {
      if (resizer) resizer.observe(element);
      // Screen readers get the list instead of the drawing; the toolbar's buttons stay.
      element.querySelectorAll("svg.main-svg").forEach(function (svg) {
        svg.setAttribute("aria-hidden", "true");
      });
      noteOutOfView(element);
      element.on("plotly_relayout", function (change) {
        if (!("annotations" in (change || {}))) noteOutOfView(element);
        if (figure.layout.meta && figure.layout.meta.density && movedInTime(change)) {
          clearTimeout(element.detailTimer);
          element.detailTimer = setTimeout(function () { showWindow(element); }, 250);
        }
      });
      if (figure.layout.meta && figure.layout.meta.density) {
        element.densityData = element.data.slice();
        element.dataset.view = "density";
      }
      element.on("plotly_clickannotation", function () {
        Plotly.relayout(element, { "xaxis.autorange": true });
      });
      element.on("plotly_click", function (event) {
        const point = event.points && event.points[0];
        if (point && point.customdata) openEvent(point.customdata[0], element);
      });
    });
  }

  // --- A density strip turns into single events as the user zooms in --------------------
  // Above a few hundred events the server sends counts per lane and time bin; once the
  // window in view holds few enough events, they are fetched from the JSON API (with the
  // page's filters) and drawn one by one; zooming back out brings the counts back.

  function movedInTime(change) {
    return Object.keys(change || {}).some(function (key) {
      return key.indexOf("xaxis.range") === 0 || key === "xaxis.autorange";
    });
  }

  function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  function windowQuery(element) {
    // The API's question for the dates in view, kept within the filter's own dates.
    const meta = element.layout.meta;
    const range = element.layout.xaxis.range;
    let from = isoDay(toMs(range[0]));
    let to = isoDay(toMs(range[1]));
    if (meta.from && meta.from > from) from = meta.from;
    if (meta.to && meta.to < to) to = meta.to;
    const params = new URLSearchParams(meta.query || "");
    params.set("from", from);
    params.set("to", to);
    params.set("page_size", "200");
    return params.toString();
  }

  function fetchEvents(url, events, limit) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("API " + response.status);
        return response.json();
      })
      .then(function (page) {
        if (page.count > limit) return { count: page.count, events: null };
        const all = events.concat(page.events);
        return page.next ? fetchEvents(page.next, all, limit) : { count: page.count, events: all };
      });
  }

  function showWindow(element) {
    const meta = element.layout.meta;
    if (!element.isConnected || !element.layout.xaxis.range) return;
    const query = windowQuery(element);
    if (element.dataset.window === query) return;
    element.dataset.window = query;
    fetchEvents(meta.api + "?" + query, [], meta.detail_limit)
      .then(function (found) {
        if (element.dataset.window !== query || !element.isConnected) return; // moved on since
        if (found.events) {
          drawDetail(element, found.events);
        } else {
          drawDensity(element, found.count);
        }
      })
      .catch(function () {
        element.dataset.window = ""; // try again on the next move
      });
  }

  function drawDensity(element, count) {
    element.dataset.inView = count === undefined ? "" : String(count);
    if (element.dataset.view === "density") return;
    element.dataset.view = "density";
    Plotly.react(element, element.densityData, element.layout);
    announceView(element);
  }

  function eventLanes(event, mode) {
    const names = mode === "actor"
      ? event.actors.map(function (a) { return a.name; })
      : event.countries.map(function (c) { return c.name; });
    return names;
  }

  function hoverFor(event) {
    const escape = function (text) {
      const div = document.createElement("div");
      div.textContent = text;
      return div.innerHTML;
    };
    const date = event.date.display || event.date.start;
    const sources = event.sources.length + " source sentence" + (event.sources.length === 1 ? "" : "s");
    return "<b>" + escape(event.title) + "</b><br>" + escape(date) + " (" + (event.date.precision || "unknown precision") + ")<br>" +
      escape(event.type_label || event.type) + " · " + sources;
  }

  const SPAN_STYLES = [[8, 0.6, 0.5], [32, 0.45, 0.42], [100, 0.32, 0.34], [367, 0.22, 0.26]];

  function spanStyle(days) {
    const found = SPAN_STYLES.find(function (style) { return days <= style[0]; });
    return found ? [found[1], found[2]] : [0.14, 0.2];
  }

  function detailTraces(element, events) {
    // One trace for the day-precise events (markers) and one for the vaguer ones (bars over
    // their span), coloured by the nature of the event as on a small timeline.
    const meta = element.layout.meta;
    const rows = meta.lane_centres;
    const colours = meta.colours || {};
    const points = { type: "scatter", mode: "markers", name: "events", x: [], y: [], customdata: [], hovertext: [],
      hoverinfo: "text", showlegend: false,
      marker: { color: [], size: [], symbol: [], line: { color: "#ffffff", width: 1 } } };
    const spans = { type: "bar", orientation: "h", name: "spans", y: [], base: [], x: [], customdata: [], hovertext: [],
      hoverinfo: "text", showlegend: false, width: [], marker: { color: [], opacity: [] } };
    events.forEach(function (event) {
      if (!event.date.start) return;
      const path = new URL(event.url, window.location.href).pathname;
      const colour = colours[event.type] || colours[""] || "#6B6B6B";
      const point = event.date.precision === "day" && event.date.start === event.date.end;
      eventLanes(event, meta.lanes).forEach(function (lane) {
        if (!(lane in rows)) return;
        const trace = point ? points : spans;
        trace.customdata.push([path, lane]);
        trace.hovertext.push(hoverFor(event));
        trace.marker.color.push(colour);
        if (point) {
          points.x.push(event.date.start);
          points.y.push(rows[lane]);
          points.marker.size.push(Math.min(9 + 2 * (event.sources.length - 1), 17));
          points.marker.symbol.push(event.date.certain ? "circle" : "circle-open");
        } else {
          const start = toMs(event.date.start);
          const end = toMs(event.date.end || event.date.start) + 86400000;
          // Lighter and thinner the vaguer, as the server draws them (charts.SPAN_STYLES).
          const style = spanStyle((end - start) / 86400000);
          spans.y.push(rows[lane]);
          spans.base.push(event.date.start);
          spans.x.push(end - start);
          spans.marker.opacity.push(style[0]);
          spans.width.push(style[1]);
        }
      });
    });
    return [spans, points];
  }

  function drawDetail(element, events) {
    element.dataset.inView = String(events.length);
    element.dataset.view = "detail";
    const guard = element.densityData.filter(function (trace) { return trace.name === "extent"; });
    Plotly.react(element, detailTraces(element, events).concat(guard), element.layout);
    announceView(element);
  }

  function announceView(element) {
    const status = document.getElementById("chart-view");
    if (!status) return;
    const count = element.dataset.inView;
    status.textContent = element.dataset.view === "detail"
      ? "Showing the " + count + " event" + (count === "1" ? "" : "s") + " in view one by one."
      : "Showing how many events fall in each lane and period (darker: more)" +
        (count ? "; " + count + " in view, zoom in further to see them one by one." : "; zoom in to see single events.");
  }

  function toMs(value) {
    // Plotly keeps a date range as "YYYY-MM-DD[ hh:mm:ss.sss]" strings or as numbers.
    if (typeof value === "number") return value;
    const text = String(value);
    return Date.parse(text.length > 10 ? text.replace(" ", "T") + "Z" : text + "T00:00:00Z");
  }

  function outOfView(element) {
    // Per lane, the events (by URL) wholly before and wholly after the dates in view.
    const range = element.layout.xaxis.range;
    const from = toMs(range[0]);
    const to = toMs(range[1]);
    const lanes = {};
    element.data.forEach(function (trace) {
      if (!trace.customdata || trace.name === "eras" || trace.name === "relations in place") return;
      trace.customdata.forEach(function (data, i) {
        const start = toMs(trace.type === "bar" ? trace.base[i] : trace.x[i]);
        const end = trace.type === "bar" ? start + trace.x[i] : start;
        const lane = (lanes[data[1]] = lanes[data[1]] || { before: new Set(), after: new Set() });
        if (end < from) lane.before.add(data[0]);
        if (start > to) lane.after.add(data[0]);
      });
    });
    return lanes;
  }

  function edgeNote(y, before, count) {
    return {
      xref: "paper",
      x: before ? 0 : 1,
      xanchor: before ? "left" : "right",
      yref: "y",
      y: y,
      text: before ? "◀ " + count + " earlier" : count + " later ▶",
      showarrow: false,
      font: { size: 11, color: "#1f2328" },
      bgcolor: "rgba(255, 255, 255, 0.9)",
      bordercolor: "#d0d7de",
      borderpad: 2,
      captureevents: true,
      hovertext: "Show all the dates",
    };
  }

  function noteOutOfView(element) {
    // A view never hides events silently: each lane says how many lie beyond its
    // edges, and a click on the note shows them all.
    const meta = element.layout.meta || {};
    if (!meta.lane_centres || !element.layout.xaxis.range) return;
    const notes = [];
    const lanes = outOfView(element);
    meta.lane_tops.forEach(function (top, i) {
      const lane = Object.keys(meta.lane_centres)[i];
      const centre = meta.lane_centres[lane];
      const y = centre + (centre - top) * (meta.note_drop || 0);
      if (!lanes[lane]) return;
      if (lanes[lane].before.size) notes.push(edgeNote(y, true, lanes[lane].before.size));
      if (lanes[lane].after.size) notes.push(edgeNote(y, false, lanes[lane].after.size));
    });
    // Only when they change: a relayout can resize the plot, which calls this again.
    const key = JSON.stringify(notes.map(function (n) { return [n.text, n.y]; }));
    if (element.dataset.notes === key) return;
    element.dataset.notes = key;
    Plotly.relayout(element, { annotations: notes });
  }

  function showTargetSentence() {
    const match = /^#s\d+$/.test(window.location.hash);
    if (!match) return;
    const sentence = document.getElementById(window.location.hash.slice(1));
    if (!sentence) return;
    sentence.scrollIntoView({ block: "center" });
    sentence.focus({ preventScroll: true });
  }

  function filterOptions(input) {
    // Search actors by name or alias: hides the options that do not match.
    const select = document.getElementById(input.dataset.filters);
    const needle = input.value.trim().toLowerCase();
    Array.from(select.options).forEach(function (option) {
      const names = (option.dataset.names || option.textContent).toLowerCase();
      option.hidden = needle !== "" && !names.includes(needle) && !option.selected;
    });
  }

  function markOpenEvent() {
    // The list shows which event the panel holds.
    const panel = document.getElementById("panel");
    const open = panel && panel.querySelector(".event-detail");
    const href = open ? "/events/" + open.id.replace("event-", "") + "/" : null;
    document.querySelectorAll("#results a.event-link").forEach(function (link) {
      if (link.getAttribute("href") === href) {
        link.setAttribute("aria-current", "true");
      } else {
        link.removeAttribute("aria-current");
      }
    });
  }

  // Where the keyboard was when an event was opened in the panel: closing it returns there.
  let panelOpener = null;

  function closePanel() {
    const panel = document.getElementById("panel");
    if (!panel || !panel.firstElementChild) return;
    const current = document.querySelector("#results a.event-link[aria-current]");
    panel.innerHTML = "";
    markOpenEvent();
    if (lastListUrl) {
      history.pushState({ htmx: true }, "", lastListUrl);
    }
    const back = [panelOpener, current, document.getElementById("results-title")].find(function (el) {
      return el && el.isConnected && el !== document.body;
    });
    panelOpener = null;
    if (back) back.focus();
  }

  // The chart's marks cannot take keyboard focus; the list is its text alternative.
  // Focusing (or pointing at) an event in the list shows its marks' labels on the chart.
  let highlighted = null;

  function highlightMarks(url) {
    if (url === highlighted) return;
    highlighted = url;
    const chart = document.getElementById("timeline-chart");
    if (!window.Plotly || !chart || !chart.dataset.drawn || !chart.data) return;
    const points = [];
    if (url) {
      chart.data.forEach(function (trace, curveNumber) {
        (trace.customdata || []).forEach(function (data, pointNumber) {
          if (data && data[0] === url && trace.hoverinfo !== "skip") {
            points.push({ curveNumber: curveNumber, pointNumber: pointNumber });
          }
        });
      });
    }
    if (points.length) {
      Plotly.Fx.hover(chart, points);
    } else {
      Plotly.Fx.unhover(chart);
    }
  }

  function listedEvent(element) {
    const link = element && element.closest && element.closest(".event-list a.event-link, .event-list .event-item");
    if (!link) return null;
    const anchor = link.matches("a") ? link : link.querySelector("a.event-link");
    return anchor ? anchor.getAttribute("href") : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (window.location.pathname === "/") lastListUrl = window.location.href;
    applyFilterBox(document);
    drawCharts(document);
    showTargetSentence();
  });

  window.addEventListener("hashchange", showTargetSentence);

  document.addEventListener("htmx:load", function (event) {
    applyFilterBox(event.detail.elt.parentNode || document);
    drawCharts(event.detail.elt);
  });

  document.addEventListener("htmx:pushedIntoHistory", function () {
    if (window.location.pathname === "/") lastListUrl = window.location.href;
  });

  document.addEventListener("htmx:historyRestore", function () {
    drawCharts(document);
  });

  // A filter change sends the option lists again with fresh counts: keep each
  // list where the user had scrolled it, and the actor search applied.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    const target = event.detail.target;
    if (target && target.tagName === "SELECT") target.dataset.scrollTop = String(target.scrollTop);
  });

  document.addEventListener("htmx:oobAfterSwap", function (event) {
    const target = event.detail.target;
    if (!target || target.tagName !== "SELECT") return;
    if (target.dataset.scrollTop) target.scrollTop = Number(target.dataset.scrollTop);
    document.querySelectorAll('.option-search[data-filters="' + target.id + '"]').forEach(filterOptions);
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    // An outerHTML swap reports the element it replaced: look the new one up.
    const target = event.detail.target && document.getElementById(event.detail.target.id);
    if (target && target.id === "results") {
      markOpenEvent();
      const config = event.detail.requestConfig || {};
      if (config.elt && config.elt.closest && config.elt.closest(".pager")) {
        // Another page of the list: start reading (and tabbing) at its top.
        const list = document.getElementById("list-title");
        if (list) {
          list.focus({ preventScroll: true });
          list.scrollIntoView({ block: "start" });
        }
        return;
      }
      // Tell screen readers how many events the new filters found.
      const status = document.getElementById("results-status");
      const title = document.getElementById("results-title");
      if (status && title) status.textContent = title.textContent + " found";
      // On a phone the results sit under the form: after "Apply", show them.
      const trigger = config.triggeringEvent;
      if (narrow.matches && trigger && trigger.type === "submit") {
        target.scrollIntoView({ block: "start" });
      }
    }
    if (!target || target.id !== "panel") return;
    markOpenEvent();
    const title = target.querySelector(".event-title");
    if (title) {
      title.focus({ preventScroll: true });
      const box = target.getBoundingClientRect();
      if (box.top < 0 || box.top > window.innerHeight * 0.8) target.scrollIntoView({ block: "start" });
    }
  });

  document.addEventListener(
    "toggle",
    function (event) {
      if (event.target.matches && event.target.matches(".filter-box")) {
        filtersOpen = event.target.open;
      }
    },
    true
  );

  document.addEventListener("htmx:configRequest", function (event) {
    // Keep shared URLs short: leave out empty fields and the default lanes.
    if (!event.detail.elt || event.detail.elt.id !== "filters") return;
    const parameters = event.detail.parameters;
    const names = new Set(Array.from(parameters.keys()));
    names.forEach(function (name) {
      const kept = parameters.getAll(name).filter(function (v) { return v !== ""; });
      if (kept.length === 0 || (name === "lanes" && kept[0] === "country")) parameters.delete(name);
    });
  });

  document.addEventListener("input", function (event) {
    if (event.target.matches(".option-search")) filterOptions(event.target);
  });

  // The actor search box only narrows a list: it has no name and filters nothing, so its
  // "change" and its Enter must not send the form (each sent one, and the second aborted
  // the first, which htmx reports as an error).
  document.addEventListener(
    "change",
    function (event) {
      if (event.target.matches && event.target.matches(".option-search")) event.stopPropagation();
    },
    true
  );
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches && event.target.matches(".option-search")) {
      event.preventDefault();
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-close-panel]")) closePanel();
  });

  document.addEventListener("keydown", function (event) {
    // Escape closes the event panel, unless a form field wants the key (a select's list, a search box).
    if (event.key !== "Escape" || event.defaultPrevented) return;
    if (event.target.closest && event.target.closest("input, select, textarea")) return;
    closePanel();
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    const target = event.detail.target;
    if (target && target.id === "panel" && document.activeElement !== document.body) {
      panelOpener = document.activeElement;
    }
  });

  document.addEventListener("focusin", function (event) {
    highlightMarks(listedEvent(event.target));
  });

  document.addEventListener("mouseover", function (event) {
    const over = event.target.closest ? event.target : event.target.parentElement;
    if (!over) return;
    if (over.closest(".event-list")) {
      highlightMarks(listedEvent(over));
    } else if (over.closest("#timeline-chart")) {
      highlighted = null; // Plotly's own hover takes over
    } else if (highlighted) {
      highlightMarks(null);
    }
  });
})();
