/* Chorus live dashboard: reads the event stream and the posts API of the node that serves it. */
(function () {
  "use strict";

  var PLATFORMS = [
    { id: "facebook", label: "Facebook", color: "#3b5bdb" },
    { id: "x", label: "X", color: "#1f2937" },
    { id: "instagram", label: "Instagram", color: "#d6336c" },
    { id: "linkedin", label: "LinkedIn", color: "#0c8599" },
    { id: "tiktok", label: "TikTok", color: "#f59f00" }
  ];
  var STATES = ["PLANNED", "GENERATED", "OPTIMIZED", "IN_REVIEW", "APPROVED", "SCHEDULED",
    "PUBLISHING", "PUBLISHED", "FAILED", "REJECTED", "UNKNOWN", "CANCELLED"];
  var IN_FLIGHT = ["SCHEDULED", "PUBLISHING"];
  var ATTENTION = ["FAILED", "REJECTED", "UNKNOWN"];
  var CHART_POINTS = 600;
  var FEED_SIZE = 50;
  var POSTS_REFRESH_MS = 3000;
  var TOKEN_KEY = "chorus.token";

  var $ = function (id) { return document.getElementById(id); };
  var numberFormat = new Intl.NumberFormat();
  var timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  // --- access token: taken once from #token=..., then kept for this tab only ---------------
  function readToken() {
    var match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
    if (match) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
      // Keep the token out of the address bar, bookmarks and screenshots.
      history.replaceState(null, "", location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }
  var token = readToken();

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function platformOf(id) {
    for (var i = 0; i < PLATFORMS.length; i++) {
      if (PLATFORMS[i].id === id) { return PLATFORMS[i]; }
    }
    return { id: id, label: id, color: "#868e96" };
  }

  function platformBadge(id) {
    var p = platformOf(id);
    var span = el("span", "platform");
    var swatch = el("span", "swatch");
    swatch.style.background = p.color;
    span.appendChild(swatch);
    span.appendChild(document.createTextNode(p.label));
    return span;
  }

  function stateBadge(state) {
    return el("span", "state state-" + state, state.replace("_", " ").toLowerCase());
  }

  function formatMs(ms) {
    if (ms >= 10000) { return (ms / 1000).toFixed(0) + " s"; }
    if (ms >= 1000) { return (ms / 1000).toFixed(1) + " s"; }
    return Math.round(ms) + " ms";
  }

  function formatTime(iso) {
    return iso ? timeFormat.format(new Date(iso)) : "–";
  }

  function setConnection(kind, label) {
    var pill = $("connection");
    pill.className = "pill pill-" + kind;
    pill.textContent = label;
  }

  // --- the chart of published posts per platform ------------------------------------------
  var series = [[]].concat(PLATFORMS.map(function () { return []; }));
  var plot = null;

  function buildChart() {
    var container = $("chart");
    var legend = $("legend");
    PLATFORMS.forEach(function (p) {
      var item = el("span", "legend-item");
      var swatch = el("span", "swatch");
      swatch.style.background = p.color;
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(p.label));
      legend.appendChild(item);
    });
    if (typeof uPlot === "undefined") { return; }
    var options = {
      width: container.clientWidth || 800,
      height: 280,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(5, (max || 0) * 1.1)]; } } },
      axes: [
        { stroke: "#6b7280", grid: { stroke: "#eef0f3" } },
        { stroke: "#6b7280", grid: { stroke: "#eef0f3" }, size: 56 }
      ],
      series: [{}].concat(PLATFORMS.map(function (p) {
        return { label: p.label, stroke: p.color, width: 2, points: { show: false } };
      }))
    };
    plot = new uPlot(options, series, container);
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(function () { plot.setSize({ width: container.clientWidth, height: 280 }); })
        .observe(container);
    }
  }

  function addChartPoint(at, counts) {
    series[0].push(Date.parse(at) / 1000);
    PLATFORMS.forEach(function (p, i) {
      series[i + 1].push(((counts[p.id] || {}).PUBLISHED) || 0);
    });
    if (series[0].length > CHART_POINTS) {
      series.forEach(function (s) { s.shift(); });
    }
    if (plot) { plot.setData(series); }
  }

  // --- the platform x state table and the key figures ---------------------------------------
  function buildMatrix() {
    var head = $("matrix-head");
    STATES.forEach(function (s) { head.appendChild(el("th", null, s.replace("_", " ").toLowerCase())).scope = "col"; });
    head.appendChild(el("th", "total", "total")).scope = "col";
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
    var body = $("matrix-body");
    body.replaceChildren();
    PLATFORMS.forEach(function (p) {
      var byState = counts[p.id] || {};
      var row = el("tr");
      var name = el("td");
      name.appendChild(platformBadge(p.id));
      row.appendChild(name);
      var total = 0;
      STATES.forEach(function (s) {
        var n = byState[s] || 0;
        total += n;
        row.appendChild(el("td", n === 0 ? "zero" : null, numberFormat.format(n)));
      });
      row.appendChild(el("td", "total", numberFormat.format(total)));
      body.appendChild(row);
    });
  }

  var ENGAGEMENT = ["impressions", "views", "reach", "likes", "comments", "shares", "saves", "clicks"];

  /** Each platform's collected metrics; a metric the platform does not report shows a dash. */
  function renderEngagement(engagement) {
    var body = $("engagement-body");
    body.replaceChildren();
    PLATFORMS.forEach(function (p) {
      var metrics = engagement[p.id] || {};
      var row = el("tr");
      var name = el("td");
      name.appendChild(platformBadge(p.id));
      row.appendChild(name);
      ENGAGEMENT.forEach(function (m) {
        var known = Object.prototype.hasOwnProperty.call(metrics, m);
        row.appendChild(el("td", known ? null : "zero", known ? numberFormat.format(metrics[m]) : "–"));
      });
      body.appendChild(row);
    });
  }

  function onMetrics(metrics) {
    var counts = metrics.postsByPlatformAndState || {};
    var latency = metrics.publishLatency || { count: 0, p50Ms: 0, p95Ms: 0, maxMs: 0 };
    renderMatrix(counts);
    renderEngagement(metrics.engagementByPlatform || {});
    addChartPoint(metrics.at, counts);
    $("kpi-published").textContent = numberFormat.format(sum(counts, ["PUBLISHED"]));
    $("kpi-inflight").textContent = numberFormat.format(sum(counts, IN_FLIGHT));
    $("kpi-failed").textContent = numberFormat.format(sum(counts, ATTENTION));
    var known = latency.count > 0;
    $("kpi-p50").textContent = known ? formatMs(latency.p50Ms) : "–";
    $("kpi-p95").textContent = known ? formatMs(latency.p95Ms) : "–";
    $("kpi-samples").textContent = known
      ? "over " + numberFormat.format(latency.count) + " recent posts" : "no recent publications";
    $("kpi-max").textContent = known ? "slowest " + formatMs(latency.maxMs) : "slowest recent post";
    $("updated").textContent = "Updated " + formatTime(metrics.at);
  }

  // --- the feeds ------------------------------------------------------------------------------
  function prepend(list, item) {
    var empty = list.querySelector(".empty");
    if (empty) { empty.remove(); }
    item.classList.add("fresh");
    list.insertBefore(item, list.firstChild);
    while (list.children.length > FEED_SIZE) { list.removeChild(list.lastChild); }
  }

  function onPostState(change) {
    var item = el("li");
    item.appendChild(el("span", "time", formatTime(change.at)));
    item.appendChild(platformBadge(change.platform));
    var move = el("span", "text");
    if (change.from) {
      move.appendChild(stateBadge(change.from));
      move.appendChild(el("span", "arrow", "→"));
    }
    move.appendChild(stateBadge(change.to));
    move.appendChild(el("span", "muted", "  " + change.postId));
    item.appendChild(move);
    prepend($("changes"), item);
    schedulePostsRefresh();
  }

  function renderPosts(items) {
    var list = $("posts");
    list.replaceChildren();
    if (items.length === 0) {
      list.appendChild(el("li", "empty", "No posts yet."));
      return;
    }
    items.forEach(function (post) {
      var item = el("li");
      item.appendChild(el("span", "time", formatTime(post.publishedAt || post.updatedAt)));
      item.appendChild(platformBadge(post.platform));
      var text = el("span", "text");
      text.appendChild(stateBadge(post.state));
      text.appendChild(document.createTextNode("  " + (post.text || "(no text yet)")));
      text.title = post.lastError ? post.lastError : (post.text || "");
      item.appendChild(text);
      list.appendChild(item);
    });
  }

  // --- the API ----------------------------------------------------------------------------------
  function withToken(path) {
    return token ? path + (path.indexOf("?") < 0 ? "?" : "&") + "access_token=" + encodeURIComponent(token) : path;
  }

  function loadPosts() {
    var headers = { Accept: "application/json" };
    if (token) { headers.Authorization = "Bearer " + token; }
    return fetch("/api/v1/posts?limit=20", { headers: headers })
      .then(function (response) {
        if (response.status === 401) {
          $("auth-banner").hidden = false;
          throw new Error("unauthorized");
        }
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.detail || response.statusText); }
          return body;
        });
      })
      .then(function (body) {
        renderPosts(body.items);
        $("posts-note").textContent = "";
      })
      .catch(function (error) {
        $("posts-note").textContent = error.message === "unauthorized" ? "" : "Posts unavailable: " + error.message;
      });
  }

  var refreshTimer = null;
  function schedulePostsRefresh() {
    if (refreshTimer === null) {
      refreshTimer = setTimeout(function () { refreshTimer = null; loadPosts(); }, POSTS_REFRESH_MS);
    }
  }

  function connect() {
    var source = new EventSource(withToken("/api/v1/stream"));
    source.onopen = function () { setConnection("live", "Live"); };
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        setConnection("down", "Offline");
        $("auth-banner").hidden = false;
      } else {
        setConnection("retry", "Reconnecting");
      }
    };
    source.addEventListener("metrics", function (event) { onMetrics(JSON.parse(event.data)); });
    source.addEventListener("post-state", function (event) { onPostState(JSON.parse(event.data)); });
  }

  buildMatrix();
  renderMatrix({});
  buildChart();
  loadPosts();
  connect();
})();
