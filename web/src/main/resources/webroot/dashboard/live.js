/* The live section: key figures, charts of posts and engagement per platform, the state table. */
(function (C) {
  "use strict";

  var STATES = ["PLANNED", "GENERATED", "OPTIMIZED", "IN_REVIEW", "APPROVED", "SCHEDULED",
    "PUBLISHING", "PUBLISHED", "FAILED", "REJECTED", "UNKNOWN", "CANCELLED"];
  var IN_FLIGHT = ["SCHEDULED", "PUBLISHING"];
  var ATTENTION = ["FAILED", "REJECTED", "UNKNOWN"];
  var CHART_POINTS = 600;
  var FEED_SIZE = 50;
  var numberFormat = new Intl.NumberFormat();

  /** A uPlot line chart with one series per platform, fed one point per snapshot. */
  function Chart(containerId) {
    this.container = C.$(containerId);
    this.data = [[]].concat(C.PLATFORMS.map(function () { return []; }));
    this.plot = null;
  }

  Chart.prototype.ensure = function () {
    // uPlot needs a laid-out container, so the chart is built the first time its section shows.
    if (this.plot || typeof uPlot === "undefined" || this.container.clientWidth === 0) { return; }
    var container = this.container;
    this.plot = new uPlot({
      width: container.clientWidth,
      height: 260,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(5, (max || 0) * 1.1)]; } } },
      axes: [{ stroke: "#6b7280", grid: { stroke: "#eef0f3" } }, { stroke: "#6b7280", grid: { stroke: "#eef0f3" }, size: 56 }],
      series: [{}].concat(C.PLATFORMS.map(function (p) {
        return { label: p.label, stroke: p.color, width: 2, points: { show: false } };
      }))
    }, this.data, container);
    var plot = this.plot;
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(function () {
        if (container.clientWidth > 0) { plot.setSize({ width: container.clientWidth, height: 260 }); }
      }).observe(container);
    }
  };

  Chart.prototype.add = function (at, valueOf) {
    var data = this.data;
    data[0].push(Date.parse(at) / 1000);
    C.PLATFORMS.forEach(function (p, i) { data[i + 1].push(valueOf(p.id)); });
    if (data[0].length > CHART_POINTS) { data.forEach(function (s) { s.shift(); }); }
    this.ensure();
    if (this.plot) { this.plot.setData(data); }
    this.container.setAttribute("data-points", String(data[0].length));
  };

  var posts = new Chart("chart");
  var engagement = new Chart("engagement-chart");

  function buildStatic() {
    var legend = C.$("legend");
    C.PLATFORMS.forEach(function (p) {
      var item = C.el("span", "legend-item");
      var swatch = C.el("span", "swatch");
      swatch.style.background = p.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(p.label));
      legend.appendChild(item);
    });
    var head = C.$("matrix-head");
    STATES.forEach(function (s) { head.appendChild(C.el("th", null, s.replace("_", " ").toLowerCase())).scope = "col"; });
    head.appendChild(C.el("th", "total", "total")).scope = "col";
  }

  function sum(counts, states) {
    var total = 0;
    Object.keys(counts).forEach(function (platform) {
      var byState = counts[platform] || {};
      (states || Object.keys(byState)).forEach(function (s) { total += byState[s] || 0; });
    });
    return total;
  }

  function renderMatrix(counts) {
    var body = C.$("matrix-body");
    body.replaceChildren();
    C.PLATFORMS.forEach(function (p) {
      var byState = counts[p.id] || {};
      var row = C.el("tr");
      var name = C.el("td");
      name.appendChild(C.platformBadge(p.id));
      row.appendChild(name);
      var total = 0;
      STATES.forEach(function (s) {
        var n = byState[s] || 0;
        total += n;
        row.appendChild(C.el("td", n === 0 ? "zero" : null, numberFormat.format(n)));
      });
      row.appendChild(C.el("td", "total", numberFormat.format(total)));
      body.appendChild(row);
    });
  }

  function formatMs(ms) {
    if (ms >= 10000) { return (ms / 1000).toFixed(0) + " s"; }
    if (ms >= 1000) { return (ms / 1000).toFixed(1) + " s"; }
    return Math.round(ms) + " ms";
  }

  C.on("metrics", function (metrics) {
    var counts = metrics.postsByPlatformAndState || {};
    var engaged = metrics.engagementByPlatform || {};
    var latency = metrics.publishLatency || { count: 0 };
    renderMatrix(counts);
    posts.add(metrics.at, function (id) { return ((counts[id] || {}).PUBLISHED) || 0; });
    engagement.add(metrics.at, function (id) { return engaged[id] || 0; });
    C.$("kpi-published").textContent = numberFormat.format(sum(counts, ["PUBLISHED"]));
    C.$("kpi-inflight").textContent = numberFormat.format(sum(counts, IN_FLIGHT));
    C.$("kpi-failed").textContent = numberFormat.format(sum(counts, ATTENTION));
    C.$("kpi-engagement").textContent = numberFormat.format(Object.keys(engaged)
      .reduce(function (total, id) { return total + engaged[id]; }, 0));
    C.$("kpi-p95").textContent = latency.count > 0 ? formatMs(latency.p95Ms) : "–";
    C.$("kpi-samples").textContent = latency.count > 0
      ? "p50 " + formatMs(latency.p50Ms) + " over " + numberFormat.format(latency.count) + " posts" : "no recent publications";
    C.$("updated").textContent = "Updated " + C.formatTime(metrics.at);
  });

  C.on("post-state", function (change) {
    var list = C.$("changes");
    var item = C.el("li", "fresh");
    item.appendChild(C.el("span", "time", C.formatTime(change.at)));
    item.appendChild(C.platformBadge(change.platform));
    var move = C.el("span", "text");
    if (change.from) {
      move.appendChild(C.stateBadge(change.from));
      move.appendChild(C.el("span", "arrow", "→"));
    }
    move.appendChild(C.stateBadge(change.to));
    var link = C.el("a", "muted", " " + change.postId);
    link.href = "#post/" + encodeURIComponent(change.postId);
    move.appendChild(link);
    item.appendChild(move);
    var empty = list.querySelector(".empty");
    if (empty) { empty.remove(); }
    list.insertBefore(item, list.firstChild);
    while (list.children.length > FEED_SIZE) { list.removeChild(list.lastChild); }
  });

  C.view("live", function () {
    posts.ensure();
    engagement.ensure();
  });

  buildStatic();
  renderMatrix({});
})(Chorus);
