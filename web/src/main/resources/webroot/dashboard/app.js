/*
 * Chorus dashboard core: the session, the API, the event stream and the sections. Every piece of
 * text from the server is put in the page with textContent, never as HTML.
 */
var Chorus = (function () {
  "use strict";

  var PLATFORMS = [
    { id: "facebook", label: "Facebook", color: "#3b5bdb" },
    { id: "x", label: "X", color: "#1f2937" },
    { id: "instagram", label: "Instagram", color: "#d6336c" },
    { id: "linkedin", label: "LinkedIn", color: "#0c8599" },
    { id: "tiktok", label: "TikTok", color: "#f59f00" }
  ];
  var listeners = {};
  var views = {};
  var timeFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  var dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
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
    var known = /^[A-Z_]+$/.test(state || "") ? state : "OTHER";
    return el("span", "state state-" + known, String(state || "").replace("_", " ").toLowerCase());
  }

  function formatTime(iso) { return iso ? timeFormat.format(new Date(iso)) : "–"; }
  function formatDateTime(iso) { return iso ? dateTimeFormat.format(new Date(iso)) : "–"; }

  function notice(text) {
    var banner = $("notice");
    banner.textContent = text || "";
    banner.hidden = !text;
  }

  function cookie(name) {
    var match = document.cookie.split("; ").filter(function (c) { return c.indexOf(name + "=") === 0; })[0];
    return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
  }

  /** Calls the API; unsafe requests echo the session's CSRF token. Resolves {status, body}. */
  function api(method, path, body) {
    var headers = { Accept: "application/json" };
    var csrf = cookie("chorus_csrf");
    if (method !== "GET" && csrf) { headers["X-CSRF-Token"] = csrf; }
    var options = { method: method, headers: headers, credentials: "same-origin" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      if (response.status === 401) { location.assign("/signin"); }
      var type = response.headers.get("Content-Type") || "";
      var parsed = type.indexOf("json") >= 0 ? response.json() : Promise.resolve(null);
      return parsed.then(function (json) { return { status: response.status, body: json }; });
    });
  }

  function problemText(result) {
    var body = result.body || {};
    var fields = (body.errors || []).map(function (e) { return e.field + ": " + e.message; }).join("; ");
    return (body.detail || body.title || ("HTTP " + result.status)) + (fields ? " (" + fields + ")" : "");
  }

  function on(eventName, handler) {
    (listeners[eventName] = listeners[eventName] || []).push(handler);
  }

  function setConnection(kind, label) {
    var pill = $("connection");
    pill.className = "pill pill-" + kind;
    pill.textContent = label;
  }

  function connect() {
    // Same origin, so the browser sends the session cookie; on reconnect it sends Last-Event-ID.
    var source = new EventSource("/api/v1/stream");
    source.onopen = function () { setConnection("live", "Live"); };
    source.onerror = function () {
      setConnection(source.readyState === EventSource.CLOSED ? "down" : "retry",
        source.readyState === EventSource.CLOSED ? "Offline" : "Reconnecting");
    };
    ["metrics", "post-state", "agent-health", "report", "resync"].forEach(function (name) {
      source.addEventListener(name, function (event) {
        var data = JSON.parse(event.data);
        (listeners[name] || []).forEach(function (handler) { handler(data); });
      });
    });
  }

  /** Registers a section: show(arg) runs whenever the section is opened. */
  function view(name, show) { views[name] = show; }

  function route() {
    var hash = location.hash.replace(/^#/, "") || "live";
    var parts = hash.split("/");
    var name = views[parts[0]] ? parts[0] : "live";
    Array.prototype.forEach.call(document.querySelectorAll(".view"), function (section) {
      section.hidden = section.id !== "view-" + name;
    });
    Array.prototype.forEach.call(document.querySelectorAll(".tabs a"), function (link) {
      link.classList.toggle("active", link.getAttribute("data-view") === name);
    });
    views[name](parts.length > 1 ? decodeURIComponent(parts.slice(1).join("/")) : null);
  }

  function start() {
    api("GET", "/api/v1/session").then(function (result) {
      if (result.status !== 200) { return; }
      $("whoami").textContent = result.body.via === "open" ? "open API" : "signed in as " + result.body.actor;
      $("signout").hidden = result.body.via !== "session";
      connect();
      window.addEventListener("hashchange", route);
      route();
    });
    $("signout").addEventListener("click", function () {
      api("POST", "/signout").then(function () { location.assign("/signin"); });
    });
  }

  return {
    PLATFORMS: PLATFORMS, $: $, el: el, platformBadge: platformBadge, stateBadge: stateBadge,
    formatTime: formatTime, formatDateTime: formatDateTime, notice: notice, api: api,
    problemText: problemText, on: on, view: view, start: start
  };
})();
