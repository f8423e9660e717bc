// ALL-IN phone outbox. Every note, vote or answer a phone sends is kept in localStorage (its address, its
// fields and its client id) until the server has answered it, and sent again by itself when the connection
// returns: the browser's `online` event, the live socket reconnecting, the page loading, and a back-off timer
// (1 s, 2 s, 4 s ... at most 30 s, with jitter, longer when the server says Retry-After).
//
// An answer counts only when it is ours: our phone views mark every answer with the X-Live-Answer header. A
// proxy's 502 page, a captive portal's login page or any other body without it is never shown; the phone
// says in Dutch (from the server) that the answer was not understood, and the item stays and is sent again.
// Our own 429, 503 and other 5xx answers keep the item too (the server asks to try later); any other 4xx of
// ours is a definitive refusal (too long, closed, past): it is shown and the item leaves the outbox.
// The server finds an item sent twice by its client id, so sending again never makes a second note or dot.
(function () {
  "use strict";
  var ANSWER_HEADER = "X-Live-Answer", MAX_WAIT_MS = 30000;
  var texts = {}, items = [], storageKey = null, region = null;
  var inFlight = false, timer = null, failures = 0, waiters = {};

  function say(name, values) {
    return String(texts[name] || "").replace(/%\((\w+)\)s/g, function (all, key) { return values && key in values ? values[key] : all; });
  }
  function csrf() { var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/); return m ? decodeURIComponent(m[1]) : ""; }
  function uuid4() {
    var b = new Uint8Array(16); window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  // ---- what is kept ---------------------------------------------------------------------------------------
  function load() {
    try { items = JSON.parse(localStorage.getItem(storageKey) || "[]") || []; } catch (e) { items = []; }
    if (!Array.isArray(items)) items = [];
  }
  function save() {
    try {
      if (items.length) localStorage.setItem(storageKey, JSON.stringify(items));
      else localStorage.removeItem(storageKey);
    } catch (e) { /* private mode: the outbox lives only as long as the page */ }
    show();
  }
  function find(id) { return items.filter(function (item) { return item.id === id; })[0] || null; }
  function drop(id) { items = items.filter(function (item) { return item.id !== id; }); save(); }

  function show() {
    if (!region) return;
    var count = region.querySelector("[data-outbox-count]"), n = items.length;
    var text = n ? say(n === 1 ? "waitingOne" : "waitingMany", { n: n }) : "";
    if (count && count.textContent !== text) count.textContent = text;
    region.classList.toggle("has-waiting", n > 0);
  }
  function note(text) {
    var el = region && region.querySelector("[data-outbox-note]");
    if (el && el.textContent !== text) el.textContent = text;
  }

  // The fields of a form as name/value pairs, without the CSRF token (each send takes the current one).
  function pairsOf(data) {
    var pairs = [];
    data.forEach(function (value, name) {
      if (name !== "csrfmiddlewaretoken" && typeof value === "string") pairs.push([name, value]);
    });
    return pairs;
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  // ---- sending --------------------------------------------------------------------------------------------
  function classify(response) {
    return response.text().then(function (body) {
      var ours = response.headers.get(ANSWER_HEADER) === "1";
      if (!ours) return { state: "waiting", why: "foreign", message: say("foreign") };
      if (response.ok) return { state: "done", status: response.status, body: body };
      if (response.status === 429 || response.status >= 500) {
        var after = parseInt(response.headers.get("Retry-After") || "0", 10);
        return { state: "waiting", why: "busy", message: body || say("queued"), retryAfter: after > 0 ? after * 1000 : 0 };
      }
      return { state: "refused", status: response.status, message: body };
    });
  }

  function post(item) {
    var body = new URLSearchParams();
    item.pairs.forEach(function (pair) { body.append(pair[0], pair[1]); });
    return fetch(item.url, {
      method: "POST", body: body, credentials: "same-origin", cache: "no-store",
      headers: { "X-CSRFToken": csrf(), "X-Live": "1" },
    }).then(classify, function () { return { state: "waiting", why: "network", message: say("queued") }; });
  }

  function backoff(result) {
    failures += 1;
    var base = Math.min(MAX_WAIT_MS, 1000 * Math.pow(2, failures - 1));
    var wait = base / 2 + Math.random() * base / 2;  // jitter: a room of phones does not come back at once
    return Math.max(wait, Math.min(result.retryAfter || 0, 5 * MAX_WAIT_MS));
  }
  function schedule(ms) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () { timer = null; flush(); }, ms);
  }

  // What the page does with an answer: the form that sent it, when it is still waiting for it, or else the
  // outbox itself (an item sent again after a reload has no form any more).
  function answer(item, result) {
    // A key the server has answered is never used for a new tap: a form still holding it (a ballot whose
    // dot was delivered later) gets a fresh one, or its next dot would only find this one.
    Array.prototype.forEach.call(document.querySelectorAll("input[name=client_id]"), function (input) {
      if (input.value === item.id) input.value = uuid4();
    });
    var waiter = waiters[item.id];
    delete waiters[item.id];
    if (waiter) { waiter(result); return; }
    if (result.state === "done") {
      var target = item.target && document.querySelector(item.target);
      if (target && result.status !== 204) {
        target.innerHTML = result.body;
        if (window.htmx) window.htmx.process(target);
        document.dispatchEvent(new CustomEvent("allin:delivered", { detail: { target: target } }));
      }
      note(items.length ? "" : say("allSent"));
    } else if (result.state === "refused") {
      note(say("refused", { message: result.message }));
    }
  }
  // The forms still waiting for a first answer hear that it is waiting (the item stays here). Returns
  // whether any did: they say so beside the form, so the outbox need not say it twice.
  function answerWaiting(result) {
    var ids = Object.keys(waiters);
    ids.forEach(function (id) {
      var waiter = waiters[id]; delete waiters[id];
      waiter(result);
    });
    return ids.length > 0;
  }

  // One item at a time, oldest first, so notes arrive in the order they were written. A waiting answer stops
  // the round: the connection (or the server) is not back yet, and the others would fare the same.
  function flush() {
    if (inFlight || !storageKey) return;
    load();
    var item = items[0];
    if (!item) { failures = 0; show(); return; }
    if (timer) { clearTimeout(timer); timer = null; }
    inFlight = true;
    post(item).then(function (result) {
      inFlight = false;
      load();
      if (result.state === "waiting") {
        show();
        note(answerWaiting(result) ? "" : result.message);
        schedule(backoff(result));
        return;
      }
      failures = 0;
      drop(item.id);
      answer(item, result);
      flush();
    });
  }

  // A form's submission: kept first, then sent (after any older ones). The promise settles with the first
  // answer: done (status, body), refused (message) or waiting (message; the outbox keeps it and sends again).
  // The same tap twice (a double tap, an impatient second press) is the same client id: it is sent once.
  function send(request) {
    var pairs = pairsOf(request.data), id = null;
    pairs.forEach(function (pair) { if (pair[0] === "client_id" && pair[1]) id = pair[1]; });
    load();
    var earlier = id && find(id);
    if (earlier && same(earlier.pairs, pairs)) return Promise.resolve({ state: "duplicate" });
    if (!id || earlier) {
      // No key of its own, or another answer that reused one (a second idea tapped on the same ballot):
      // a key of its own, so the server can tell the two apart.
      id = uuid4();
      var had = false;
      pairs.forEach(function (pair) { if (pair[0] === "client_id") { pair[1] = id; had = true; } });
      if (!had) pairs.push(["client_id", id]);
    }
    var item = { id: id, url: request.url, pairs: pairs, target: request.target || null };
    items.push(item);
    save();
    return new Promise(function (resolve) {
      waiters[id] = resolve;
      failures = 0;  // someone is using the phone now: try at once, not after the last back-off
      if (!inFlight) flush();
    });
  }

  // A page without an outbox (a co-host's controls: a step or a reveal replayed later would be wrong) sends
  // once, with the same rule for answers that are not ours; what did not go is for the person to try again.
  function sendOnce(request) {
    return post({ url: request.url, pairs: pairsOf(request.data) }).then(function (result) {
      if (result.state !== "waiting") return result;
      var message = { network: say("sendError"), foreign: say("foreignOnce") }[result.why] || result.message;
      return { state: "refused", message: message };
    });
  }

  function init() {
    var given = document.getElementById("live-texts");
    if (given) { try { texts = JSON.parse(given.textContent); } catch (e) { texts = {}; } }
    region = document.getElementById("outbox");
    if (!region || !document.getElementById("live")) return;
    storageKey = "allin-outbox-" + location.pathname;
    load();
    show();
    flush();
  }
  window.addEventListener("online", function () { failures = 0; flush(); });
  document.addEventListener("DOMContentLoaded", init);

  window.allinOutbox = {
    send: send,
    sendOnce: sendOnce,
    // The live socket (re)connected: the server is reachable again.
    reconnected: function () { failures = 0; flush(); },
    active: function () { return storageKey !== null; },
  };
})();
