/* The working sections: queue and calendar, approvals, failures, a post's history, reports, usage, agents. */
(function (C) {
  "use strict";

  var dayFormat = new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long" });
  var reports = [];
  var current = null;
  var refreshTimer = null;

  function empty(list, text) {
    list.replaceChildren(C.el("li", "empty", text));
  }

  function postLink(post) {
    var link = C.el("a", "post-link", post.id);
    link.href = "#post/" + encodeURIComponent(post.id);
    return link;
  }

  function postHead(post) {
    var head = C.el("div", "post-head");
    head.appendChild(C.platformBadge(post.platform));
    head.appendChild(C.stateBadge(post.state));
    head.appendChild(C.el("span", "muted", post.accountId));
    head.appendChild(postLink(post));
    return head;
  }

  function loadPosts(query) {
    return C.api("GET", "/api/v1/posts?" + query).then(function (result) {
      if (result.status !== 200) { throw new Error(C.problemText(result)); }
      return result.body.items;
    });
  }

  // --- queue and calendar: upcoming posts grouped by the day they are due ----------------------
  C.view("queue", function () {
    var calendar = C.$("calendar");
    Promise.all([loadPosts("state=SCHEDULED&limit=500"), loadPosts("state=PUBLISHING&limit=100")])
      .then(function (lists) {
        var items = lists[1].concat(lists[0]).sort(function (a, b) {
          return Date.parse(a.scheduledAt || a.slotAt) - Date.parse(b.scheduledAt || b.slotAt);
        });
        C.$("queue-note").textContent = items.length + " posts waiting to go out";
        calendar.replaceChildren();
        if (items.length === 0) {
          calendar.appendChild(C.el("p", "empty", "Nothing is scheduled right now."));
          return;
        }
        var days = {};
        var order = [];
        items.forEach(function (post) {
          var due = new Date(post.scheduledAt || post.slotAt);
          var key = due.toDateString();
          if (!days[key]) { days[key] = { label: dayFormat.format(due), posts: [] }; order.push(key); }
          days[key].posts.push(post);
        });
        order.forEach(function (key) {
          var day = C.el("section", "day");
          day.appendChild(C.el("h3", null, days[key].label + " · " + days[key].posts.length));
          var list = C.el("ol", "feed");
          days[key].posts.forEach(function (post) {
            var item = C.el("li");
            item.appendChild(C.el("span", "time", C.formatTime(post.scheduledAt || post.slotAt)));
            item.appendChild(C.platformBadge(post.platform));
            var text = C.el("span", "text");
            text.appendChild(C.stateBadge(post.state));
            text.appendChild(document.createTextNode("  " + (post.text || "")));
            item.appendChild(text);
            item.addEventListener("click", function () { location.hash = "#post/" + encodeURIComponent(post.id); });
            list.appendChild(item);
          });
          day.appendChild(list);
          calendar.appendChild(day);
        });
      })
      .catch(function (error) { calendar.replaceChildren(C.el("p", "empty", "Queue unavailable: " + error.message)); });
  });

  // --- approvals inbox ---------------------------------------------------------------------------
  function reviewItem(post) {
    var item = C.el("li", "card-item review-item");
    item.setAttribute("data-post-id", post.id);
    item.appendChild(postHead(post));
    var text = C.el("textarea", "review-text");
    text.value = post.text || "";
    text.setAttribute("aria-label", "Post text");
    item.appendChild(text);
    var actions = C.el("div", "actions");
    var approve = C.el("button", "approve", "Approve");
    var reason = C.el("input", "reject-reason");
    reason.placeholder = "Reason for rejecting";
    reason.setAttribute("aria-label", "Reason for rejecting");
    var reject = C.el("button", "reject secondary", "Reject");
    var outcome = C.el("span", "outcome muted");
    actions.append(approve, reason, reject, outcome);
    item.appendChild(actions);

    function decide(path, body) {
      approve.disabled = reject.disabled = true;
      C.api("POST", "/api/v1/posts/" + encodeURIComponent(post.id) + path, body).then(function (result) {
        if (result.status === 200) {
          outcome.textContent = (result.body.state === "REJECTED" ? "Rejected" : "Approved") + " · now " + result.body.state.toLowerCase();
          item.classList.add("decided");
        } else {
          outcome.textContent = C.problemText(result);
          approve.disabled = reject.disabled = false;
        }
      });
    }
    approve.addEventListener("click", function () {
      // An edited text goes with the approval and is checked against the brand's rules again.
      decide("/approve", text.value !== (post.text || "") ? { text: text.value } : {});
    });
    reject.addEventListener("click", function () {
      if (!reason.value.trim()) {
        outcome.textContent = "Say why the post is rejected.";
        reason.focus();
        return;
      }
      decide("/reject", { reason: reason.value.trim() });
    });
    return item;
  }

  function loadInbox() {
    var list = C.$("inbox");
    loadPosts("state=IN_REVIEW&limit=100").then(function (items) {
      var count = C.$("inbox-count");
      count.textContent = String(items.length);
      count.hidden = items.length === 0;
      if (current !== "inbox") { return; }
      // Posts a reviewer is working on stay as they are; new ones are added, decided ones stay until reload.
      var shown = {};
      Array.prototype.forEach.call(list.querySelectorAll(".review-item"), function (node) {
        shown[node.getAttribute("data-post-id")] = true;
      });
      var emptyNode = list.querySelector(".empty");
      if (emptyNode && items.length > 0) { emptyNode.remove(); }
      items.forEach(function (post) { if (!shown[post.id]) { list.appendChild(reviewItem(post)); } });
      if (list.children.length === 0) { empty(list, "Nothing waits for approval."); }
    }).catch(function (error) { empty(list, "Inbox unavailable: " + error.message); });
  }

  C.view("inbox", function () {
    C.$("inbox").replaceChildren();
    loadInbox();
  });

  // --- failures and dead letters -----------------------------------------------------------------
  C.view("failures", function () {
    var list = C.$("failures");
    C.api("GET", "/api/v1/dead-letters?limit=200").then(function (result) {
      if (result.status !== 200) { empty(list, "Dead letters unavailable: " + C.problemText(result)); return; }
      list.replaceChildren();
      if (result.body.items.length === 0) { empty(list, "No failed posts."); return; }
      result.body.items.forEach(function (post) {
        var item = C.el("li", "card-item failure-item");
        item.setAttribute("data-post-id", post.id);
        item.appendChild(postHead(post));
        item.appendChild(C.el("p", "error", post.lastError || "no error recorded"));
        item.appendChild(C.el("p", "muted", "attempts: " + post.attempts + " · last change " + C.formatDateTime(post.updatedAt)));
        var actions = C.el("div", "actions");
        var requeue = C.el("button", "requeue", "Requeue");
        var cancel = C.el("button", "cancel secondary", "Cancel");
        var outcome = C.el("span", "outcome muted");
        [["/requeue", requeue], ["/cancel", cancel]].forEach(function (pair) {
          pair[1].addEventListener("click", function () {
            requeue.disabled = cancel.disabled = true;
            C.api("POST", "/api/v1/posts/" + encodeURIComponent(post.id) + pair[0], {}).then(function (r) {
              outcome.textContent = r.status === 200 ? "now " + r.body.state.toLowerCase() : C.problemText(r);
              if (r.status !== 200) { requeue.disabled = cancel.disabled = false; }
            });
          });
        });
        actions.append(requeue, cancel, outcome);
        item.appendChild(actions);
        list.appendChild(item);
      });
    });
  });

  // --- one post and its history --------------------------------------------------------------------
  function field(list, name, value) {
    list.appendChild(C.el("dt", null, name));
    list.appendChild(C.el("dd", null, value === null || value === undefined || value === "" ? "–" : value));
  }

  C.view("post", function (id) {
    C.$("post-id").textContent = id || "";
    C.api("GET", "/api/v1/posts/" + encodeURIComponent(id) + "/history").then(function (result) {
      var fields = C.$("post-fields");
      var events = C.$("post-events");
      fields.replaceChildren();
      events.replaceChildren();
      if (result.status !== 200) {
        C.$("post-state").replaceChildren();
        field(fields, "Problem", C.problemText(result));
        return;
      }
      var post = result.body.post;
      C.$("post-state").replaceChildren(C.stateBadge(post.state));
      field(fields, "Platform", post.platform);
      field(fields, "Account", post.accountId);
      field(fields, "Campaign", post.campaignId);
      field(fields, "Text", post.text);
      field(fields, "Calendar slot", C.formatDateTime(post.slotAt));
      field(fields, "Scheduled for", C.formatDateTime(post.scheduledAt));
      field(fields, "Published", C.formatDateTime(post.publishedAt));
      field(fields, "Platform id", post.externalId);
      field(fields, "Attempts", post.attempts);
      field(fields, "Last error", post.lastError);
      result.body.events.forEach(function (event) {
        var row = C.el("tr");
        row.appendChild(C.el("td", null, C.formatDateTime(event.at)));
        var from = C.el("td");
        if (event.from) { from.appendChild(C.stateBadge(event.from)); }
        var to = C.el("td");
        to.appendChild(C.stateBadge(event.to));
        row.append(from, to, C.el("td", null, event.detail || ""));
        events.appendChild(row);
      });
    });
  });

  // --- reports: none are written yet; ready ones arrive on the stream ---------------------------
  C.view("reports", showReports);

  function showReports() {
    var list = C.$("reports");
    C.api("GET", "/api/v1/reports").then(function (result) {
      var listed = result.status === 200 && result.body && Array.isArray(result.body.items) ? result.body.items : [];
      var all = listed.concat(reports);
      list.replaceChildren();
      if (all.length === 0) {
        empty(list, "No reports yet. This node does not write reports so far; when one is ready it appears here at once.");
        return;
      }
      all.forEach(function (report) {
        var item = C.el("li", "card-item");
        item.appendChild(C.el("strong", null, report.title || report.reportId || report.id));
        item.appendChild(C.el("p", "muted", [report.kind, report.brandId, C.formatDateTime(report.at)].filter(Boolean).join(" · ")));
        list.appendChild(item);
      });
    });
  }

  // --- usage and cost -------------------------------------------------------------------------------
  function table(rows) {
    var columns = [];
    rows.forEach(function (row) { Object.keys(row).forEach(function (k) { if (columns.indexOf(k) < 0) { columns.push(k); } }); });
    var node = C.el("table", "matrix");
    var head = C.el("tr");
    columns.forEach(function (c) { head.appendChild(C.el("th", null, c)); });
    node.appendChild(C.el("thead")).appendChild(head);
    var body = node.appendChild(C.el("tbody"));
    rows.forEach(function (row) {
      var tr = C.el("tr");
      columns.forEach(function (c) {
        var value = row[c];
        tr.appendChild(C.el("td", null, value !== null && typeof value === "object" ? JSON.stringify(value) : value));
      });
      body.appendChild(tr);
    });
    return node;
  }

  C.view("usage", function () {
    var target = C.$("usage");
    C.api("GET", "/api/v1/usage").then(function (result) {
      target.replaceChildren();
      if (result.status === 404) {
        target.appendChild(C.el("p", "empty", "Usage and cost are not tracked by this node yet."));
        return;
      }
      if (result.status !== 200) {
        target.appendChild(C.el("p", "empty", "Usage unavailable: " + C.problemText(result)));
        return;
      }
      var body = result.body || {};
      var rows = Array.isArray(body.items) ? body.items : [];
      var summary = Object.keys(body).filter(function (k) { return k !== "items"; })
        .map(function (k) { var o = {}; o.figure = k; o.value = body[k]; return o; });
      if (summary.length > 0) { target.appendChild(table(summary)); }
      if (rows.length > 0) { target.appendChild(table(rows)); }
      if (summary.length === 0 && rows.length === 0) { target.appendChild(C.el("p", "empty", "No usage recorded yet.")); }
    });
  });

  // --- agents' health, from the stream -------------------------------------------------------------
  C.view("agents", function () {});
  C.on("agent-health", function (health) {
    var body = C.$("agents");
    body.replaceChildren();
    C.$("agents-at").textContent = "as of " + C.formatTime(health.at);
    health.agents.forEach(function (agent) {
      var row = C.el("tr");
      row.setAttribute("data-agent", agent.component);
      row.appendChild(C.el("td", null, agent.component));
      var status = agent.up ? (agent.degraded ? "degraded" : "up") : "down";
      row.appendChild(C.el("td", "health health-" + status, status));
      row.appendChild(C.el("td", null, agent.detail));
      body.appendChild(row);
    });
  });

  C.on("report", function (report) {
    reports.unshift(report);
    if (current === "reports") { showReports(); }
  });

  C.on("resync", function () { C.notice("The live connection missed some events; the figures were refreshed."); });

  // Open sections follow the stream; lists are reloaded at most once a second.
  C.on("post-state", function () {
    if (refreshTimer !== null) { return; }
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      loadInbox();
      if (current === "post") { window.dispatchEvent(new HashChangeEvent("hashchange")); }
    }, 1000);
  });

  window.addEventListener("hashchange", function () {
    current = (location.hash.replace(/^#/, "").split("/")[0]) || "live";
  });
  current = (location.hash.replace(/^#/, "").split("/")[0]) || "live";

  Chorus.start();
  loadInbox();
})(Chorus);
