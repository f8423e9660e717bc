// ALL-IN live screens (phone, projector, console). The server pushes small operations over a websocket,
// each with the meeting's version; when the socket cannot connect (a school network, an old phone) the page
// polls instead. Nothing missed stays missing: projector and consoles get a version for every change, so a
// gap means a push was lost; after a gap, a reconnect, or a quiet spell the page asks the server for what
// changed since its version (`?since=`): nothing (204), the notes it missed, or its whole stage.
(function () {
  "use strict";
  var root, role, stageUrl, wsUrl, socket, pollTimer, fetching = false, queued = [], lastStageV = 0;
  var failures = 0, everOpen = false, serverOffset = 0, lastTyped = null;
  var strict = false, lastV = 0, checkedAt = Date.now(), socketHeardAt = Date.now();
  var POLL_MS = 4000, SCREEN_POLL_MS = 2000, QUIET_MS = 25000, SOCKET_SILENT_MS = 60000;
  // Every word the page says, and the note limit, come from the server (translated): the #live-texts script.
  var texts = {};
  function say(name, values) {
    return String(texts[name] || "").replace(/%\((\w+)\)s/g, function (all, key) { return values && key in values ? values[key] : all; });
  }
  // Counted as the server counts: control characters out, runs of white space folded into one space.
  function noteLength(text) {
    return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim().length;
  }

  function $(selector, scope) { return (scope || document).querySelector(selector); }
  function csrf() { var m = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/); return m ? decodeURIComponent(m[1]) : ""; }
  function uuid4() {
    var b = new Uint8Array(16); window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  // Markup that arrives over the socket has hx-* forms; htmx must see them before they are used.
  function activate(el) { if (el && window.htmx) window.htmx.process(el); }
  function status(text) { var el = $("#connection"); if (el && el.textContent !== text) el.textContent = text; }

  // ---- applying what the server sends -------------------------------------------------------------
  function setStage(html, version) {
    var stage = $("#stage");
    if (!stage) return;
    if (version && version < lastStageV) return;  // an older push overtaken by a newer one
    if (version) lastStageV = version;
    var drafts = saveDrafts(stage), typed = saveTyping(stage);
    stage.innerHTML = html;
    activate(stage);
    restoreTyping(typed);
    lastTyped = typed;  // personal parts load a moment later; they get the same treatment then
    afterRender(drafts);
  }

  // A push must never wipe what someone is typing (a theme name, a flip-over note): keep edited fields by id.
  function saveTyping(scope) {
    var kept = { values: {}, checks: {}, focus: null };
    Array.prototype.forEach.call(scope.querySelectorAll("input[type=text][id], textarea[id]"), function (el) {
      if (el.value !== el.defaultValue) kept.values[el.id] = el.value;
    });
    Array.prototype.forEach.call(scope.querySelectorAll("input[type=checkbox][id]"), function (el) {
      if (el.checked !== el.defaultChecked) kept.checks[el.id] = el.checked;
    });
    // A choice made but not yet sent (a note's theme in the console) survives a push as well.
    Array.prototype.forEach.call(scope.querySelectorAll("select[id]"), function (el) {
      var initial = Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; })[0] || el.options[0];
      if (initial && el.value !== initial.value) kept.values[el.id] = el.value;
    });
    kept.focus = saveFocus(scope);
    return kept;
  }

  // The control someone is using survives a re-render: a push or a swap replaces the nodes, so the focus
  // moves to the same control in the new markup. A control without an id is known by what it does: its
  // form's address, the objects its hidden fields name and its place in the form. (A toggle's 0/1 and the
  // per-render keys are left out, so "Insturen sluiten" is still found as "Insturen openen" after the press.)
  var VOLATILE = { csrfmiddlewaretoken: 1, client_id: 1 };
  function controlKey(el) {
    if (el.id) return "#" + el.id;
    var form = el.form || (el.closest && el.closest("form"));
    if (!form) return el.tagName === "A" ? "a|" + el.getAttribute("href") : null;
    var names = Array.prototype.filter.call(form.querySelectorAll("input[type=hidden]"), function (i) {
      return !VOLATILE[i.name];
    }).map(function (i) { return /^(0|1|true|false)$/.test(i.value) ? i.name : i.name + "=" + i.value; });
    var same = Array.prototype.filter.call(form.querySelectorAll(el.tagName), function (c) { return c.type === el.type; });
    return [el.tagName, form.getAttribute("action"), names.join("&"), same.indexOf(el)].join("|");
  }
  function saveFocus(scope) {
    var active = document.activeElement;
    if (!active || active === document.body || !scope.contains(active)) return null;
    var key = controlKey(active);
    return key ? { key: key, start: active.selectionStart, end: active.selectionEnd } : null;
  }
  function findControl(key) {
    if (key.charAt(0) === "#") return document.getElementById(key.slice(1));
    var found = Array.prototype.filter.call(
      document.querySelectorAll("#live button, #live input, #live select, #live textarea, #live a[href]"),
      function (el) { return !el.id && controlKey(el) === key; }
    );
    return found.length === 1 ? found[0] : null;  // never guess between two: a wrong control is worse than none
  }
  function restoreFocus(kept) {
    if (!kept) return;
    var active = document.activeElement;
    if (active && active !== document.body && document.contains(active)) return;  // already somewhere useful
    var el = findControl(kept.key);
    if (!el) return;
    el.focus({ preventScroll: true });
    try { el.setSelectionRange(kept.start, kept.end); } catch (e) { /* not a text field */ }
  }
  function restoreTyping(kept) {
    Object.keys(kept.values).forEach(function (id) {
      var el = document.getElementById(id); if (el) el.value = kept.values[id];
    });
    Object.keys(kept.checks).forEach(function (id) {
      var el = document.getElementById(id); if (el) el.checked = kept.checks[id];
    });
    restoreFocus(kept.focus);
  }

  function apply(op) {
    if (op.op === "hello") { catchUp(); return; }  // (re)connected: ask for what was missed meanwhile
    if (fetching) { queued.push(op); return; }
    if (strict && op.v) {
      if (op.v <= lastV) return;  // already shown: a refetch or a delta overtook this push
      if (op.v > lastV + 1) { queued.push(op); catchUp(); return; }  // a push went missing
      lastV = op.v;
    }
    checkedAt = Date.now();
    var target = op.target ? $(op.target) : null;
    switch (op.op) {
      case "refresh": refresh(); break;
      // The co-host's page has a stage of its own: it fetches that instead of taking the phones' stage.
      case "stage": if (root.dataset.stagePush === "refetch") refresh(); else setStage(op.html, op.v); break;
      case "append":
        if (op.id && document.getElementById(op.id)) break;
        if (!target) { refresh(); break; }
        target.insertAdjacentHTML("beforeend", op.html);
        activate(target.lastElementChild);
        countMore(target);
        break;
      case "remove": if (target) target.remove(); break;
      case "text": if (target) target.textContent = op.text; break;
      case "v": break;  // a change this screen does not show; it only moves the version on
    }
  }

  // The projector shows the newest few notes of a bucket (live.css hides older ones) and says how many more:
  // those it was rendered without (data-more) and those a push pushed out of sight.
  function countMore(notes) {
    var more = notes.dataset.moreId && document.getElementById(notes.dataset.moreId);
    if (!more) return;
    var n = parseInt(more.dataset.more || "0", 10) + Math.max(0, notes.children.length - parseInt(notes.dataset.perBucket, 10));
    more.textContent = n ? say("moreNotes", { n: n }) : "";
    more.hidden = !n;
  }

  function seen(version) {
    if (!version) return;
    if (strict && version > lastV) lastV = version;
    if (!strict && version > lastStageV) lastStageV = version;
  }

  function showFetched(html, version) {
    var box = document.createElement("div");
    box.innerHTML = html;
    var parts = box.querySelectorAll("[data-part]");
    if (!parts.length) { setStage(html, version); return; }
    Array.prototype.forEach.call(parts, function (part) {
      if (part.dataset.part === "stage") { setStage(part.innerHTML, version); }
      else { var el = document.getElementById(part.dataset.part); if (el) { el.innerHTML = part.innerHTML; activate(el); } }
    });
  }

  // One fetch at a time; pushes that arrive meanwhile wait and are applied (or dropped as older) after it.
  function load(url, handle) {
    fetching = true;
    checkedAt = Date.now();
    fetch(url, { credentials: "same-origin", headers: { "HX-Request": "true" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return handle(response, parseInt(response.headers.get("X-Live-Version") || "0", 10));
      })
      .catch(function () { /* keep what is shown; the next poll, push or quiet check tries again */ })
      .then(function () {
        fetching = false;
        var pending = queued, again = null; queued = [];
        pending.forEach(function (op) {
          if (op.op === "refresh") again = "refresh";
          else if (op.op === "catchup") again = again || "catchup";
          else apply(op);
        });
        if (again === "refresh") refresh(); else if (again) catchUp();
      });
  }

  function refresh() {
    if (fetching) { queued.push({ op: "refresh" }); return; }
    load(stageUrl, function (response, version) {
      return response.text().then(function (html) { showFetched(html, version); seen(version); });
    });
  }

  function catchUp() {
    if (fetching) { queued.push({ op: "catchup" }); return; }
    var since = strict ? lastV : lastStageV;
    if (!since) { refresh(); return; }
    load(stageUrl + (stageUrl.indexOf("?") < 0 ? "?" : "&") + "since=" + since, function (response, version) {
      if (response.status === 204) { seen(version); return null; }
      if ((response.headers.get("Content-Type") || "").indexOf("application/json") === 0) {
        return response.json().then(function (data) {
          (data.ops || []).forEach(function (op) { var bare = Object.assign({}, op); delete bare.v; applyNow(bare); });
          seen(data.v);
        });
      }
      return response.text().then(function (html) { showFetched(html, version); seen(version); });
    });
  }
  // A delta's operations are applied as they come (they carry no version of their own).
  function applyNow(op) { var keep = strict; strict = false; try { apply(op); } finally { strict = keep; } }

  // Heard nothing for a while: ask (cheaply) whether anything changed; a lost last push shows up here.
  setInterval(function () {
    if (!root || fetching || Date.now() - checkedAt < QUIET_MS) return;
    catchUp();
  }, 1000);

  // ---- the websocket, with polling as the fallback ---------------------------------------------------
  function startPolling() {
    if (pollTimer) return;
    status(say("offline"));
    pollTimer = setInterval(catchUp, strict ? SCREEN_POLL_MS : POLL_MS);
  }
  function stopPolling() {
    if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
    status("");
  }
  // The few big screens come back within a few seconds of an outage (a restart of the server or Redis drops
  // every socket); the many phones spread out further, so a room of them does not knock all at once.
  function reconnectDelay(n) {
    return strict ? Math.min(5000, 1000 * Math.pow(2, Math.min(n, 5) - 1)) : Math.min(30000, 1000 * Math.pow(2, Math.min(n, 5)));
  }
  function connect() {
    if (!("WebSocket" in window)) { startPolling(); return; }
    var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + wsUrl;
    try { socket = new WebSocket(url); } catch (e) { startPolling(); return; }
    var opened = false;
    var giveUp = setTimeout(function () { if (!opened) startPolling(); }, 5000);
    socket.onopen = function () {
      opened = everOpen = true; failures = 0; clearTimeout(giveUp); stopPolling();
      if (window.allinOutbox) window.allinOutbox.reconnected();  // the server is back: send what waits
    };
    socket.onmessage = function (event) {
      socketHeardAt = Date.now();
      var data; try { data = JSON.parse(event.data); } catch (e) { return; }
      (data.ops || []).forEach(apply);
    };
    socket.onclose = function (event) {
      clearTimeout(giveUp);
      if (event.code === 4403) { startPolling(); return; }  // not allowed: polling shows the server's answer
      failures += 1;
      startPolling();
      setTimeout(connect, reconnectDelay(failures));
    };
  }
  setInterval(function () {
    if (!socket || socket.readyState !== 1) return;
    // A socket that stopped answering pings is dead without knowing it: close it, so it reconnects.
    if (Date.now() - socketHeardAt > SOCKET_SILENT_MS) { socket.close(); return; }
    socket.send(JSON.stringify({ type: "ping" }));
  }, 25000);

  // ---- clocks ---------------------------------------------------------------------------------------
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  // Clock times in the meeting's time zone, whatever the laptop or phone is set to.
  var clockFormat = new Intl.DateTimeFormat("nl-NL", {
    hour: "2-digit", minute: "2-digit", timeZone: (document.documentElement.dataset.tz || "Europe/Amsterdam"),
  });
  function tick() {
    var now = Date.now() + serverOffset;
    Array.prototype.forEach.call(document.querySelectorAll("[data-ends-at]"), function (el) {
      var endsAt = parseInt(el.dataset.endsAt, 10);
      if (!endsAt) return;
      if (el.dataset.restMinutes !== undefined) {
        var end = new Date(Math.max(now, endsAt) + parseInt(el.dataset.restMinutes, 10) * 60000);
        el.textContent = clockFormat.format(end);
        return;
      }
      var left = Math.round((endsAt - now) / 1000), over = left < 0, s = Math.abs(left);
      el.textContent = (over ? "+" : "") + Math.floor(s / 60) + ":" + pad(s % 60) + (over ? " " + say("overrun") : "");
      el.classList.toggle("overrun", over);
    });
    timerTick(now);
  }

  // ---- the facilitator's timer: counts down from the server's end time; a gentle signal at zero ----------
  // Browsers play sound only after a click on the page, so the projector offers "Geluid aan" once; without it
  // the end is shown only (a calm colour change and "De tijd is om").
  var audio = null, signalledEnd = 0;
  function timerTick(now) {
    Array.prototype.forEach.call(document.querySelectorAll("[data-timer-ends]"), function (el) {
      var endsAt = parseInt(el.dataset.timerEnds, 10);
      if (!endsAt) return;
      var left = Math.max(0, Math.ceil((endsAt - now) / 1000)), done = left === 0;
      var text = Math.floor(left / 60) + ":" + pad(left % 60);
      if (el.textContent !== text) el.textContent = text;
      var box = el.closest("[data-timer]");
      if (box) {
        box.classList.toggle("timer-done", done);
        var message = box.querySelector("[data-timer-message]"), said = done && message ? message.dataset.doneText : "";
        if (message && message.textContent !== said) message.textContent = said;
        var bar = box.querySelector("progress");
        if (bar) bar.value = left;
      }
      // One signal per end time, and only when the end was just now (not for a page opened long after).
      if (done && role === "projector" && signalledEnd !== endsAt && now - endsAt < 5000) { signalledEnd = endsAt; chime(0.18); }
    });
  }
  function chime(volume) {
    if (!audio || audio.state !== "running") return;
    var start = audio.currentTime + 0.05;
    [[784, 0], [587.3, 0.45]].forEach(function (tone) {  // G5 then D5: soft, short, falling
      var osc = audio.createOscillator(), gain = audio.createGain(), at = start + tone[1];
      osc.type = "sine"; osc.frequency.value = tone[0];
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(volume, at + 0.04);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.4);
      osc.connect(gain); gain.connect(audio.destination);
      osc.start(at); osc.stop(at + 1.5);
    });
  }
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest("[data-sound-on]")) return;
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) return;
    if (!audio) audio = new Context();
    audio.resume().then(function () { root.classList.add("sound-on"); chime(0.06); });
  });

  // ---- the phone's note form: drafts survive re-renders and reloads, retries reuse the same id ------------
  function draftKey(form) { return "allin-draft-" + location.pathname + "-" + form.dataset.activity; }
  function saveDrafts(scope) {
    var drafts = {};
    Array.prototype.forEach.call(scope.querySelectorAll("form.note-form"), function (form) {
      drafts[form.dataset.activity] = { text: form.elements.text.value, client: form.elements.client_id.value };
    });
    return drafts;
  }
  function afterRender(drafts) {
    var clock = document.querySelector("[data-server-now]");
    if (clock) serverOffset = parseInt(clock.dataset.serverNow, 10) - Date.now();
    Array.prototype.forEach.call(document.querySelectorAll("form.note-form"), function (form) {
      var kept = drafts && drafts[form.dataset.activity];
      var stored = null;
      try { stored = JSON.parse(localStorage.getItem(draftKey(form)) || "null"); } catch (e) { stored = null; }
      var draft = kept && kept.text ? kept : stored;
      if (draft && draft.text) form.elements.text.value = draft.text;
      form.elements.client_id.value = (draft && draft.client) || form.elements.client_id.value || uuid4();
      updateCounter(form);
    });
    Array.prototype.forEach.call(document.querySelectorAll("form[data-fresh-client-id]"), function (form) {
      if (!form.elements.client_id.value) form.elements.client_id.value = uuid4();
    });
    loadMine();
    tick();
  }

  // Pushed stages are the same for every phone; each phone fills in its own part (its notes, its answer).
  // Its notes on a board only when it remembers posting there (data-mine-key): a "next" to a room of phones
  // then costs the server one request per phone that has notes to show, not one per phone.
  function minePosted(key) {
    try { return localStorage.getItem(key) !== null; } catch (e) { return true; /* nothing remembered: ask */ }
  }
  function loadMine() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-mine-url]"), function (el) {
      var key = el.dataset.mineKey, shared = el.hasAttribute("data-mine-shared");
      if (key && el.querySelector(".my-notes")) {  // its own notes show (its page, or the answer to a post)
        try { localStorage.setItem(key, "1"); } catch (e) { /* private mode: it asks each time */ }
        el.removeAttribute("data-mine-shared");
        return;
      }
      if (el.dataset.loading || (shared ? !minePosted(key) : el.innerHTML.trim())) return;
      el.dataset.loading = "1";
      fetch(el.dataset.mineUrl, { credentials: "same-origin", headers: { "HX-Request": "true" }, cache: "no-store" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) return;
          el.removeAttribute("data-mine-shared");
          el.innerHTML = html;
          activate(el);
          if (lastTyped) restoreTyping(lastTyped);
        })
        .catch(function () { /* the next refresh tries again */ })
        .then(function () { delete el.dataset.loading; });
    });
  }
  // The phone sees at once when a note is too long (a pasted text is not cut off silently): the counter
  // turns into the reason, and the note is not sent until it fits.
  function updateCounter(form) {
    var counter = form.querySelector("[data-counter]");
    if (!counter) return true;
    var n = noteLength(form.elements.text.value), max = texts.noteMax, fits = !max || n <= max;  // no limit given: the server still holds it
    var text = fits ? say("counter", { n: n, max: max }) : say("tooLong", { n: n, max: max });
    if (counter.textContent !== text) counter.textContent = text;
    counter.classList.toggle("too-long", !fits);
    form.elements.text.setAttribute("aria-invalid", fits ? "false" : "true");
    return fits;
  }
  function storeDraft(form) {
    try {
      localStorage.setItem(draftKey(form), JSON.stringify({ text: form.elements.text.value, client: form.elements.client_id.value }));
    } catch (e) { /* private mode: the draft lives only on the page */ }
  }

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.classList.contains("note-form")) { updateCounter(form); storeDraft(form); }
    else if (form && form.elements.text && form.querySelector("[data-counter]")) updateCounter(form);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("note-form") || !outboxReady()) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]"), note = form.querySelector(".form-status");
    if (!form.elements.text.value.trim()) { note.className = "form-status error"; note.textContent = say("empty"); return; }
    if (!updateCounter(form)) {
      note.className = "form-status error";
      note.textContent = say("tooLong", { n: noteLength(form.elements.text.value), max: texts.noteMax });
      form.elements.text.focus();
      return;
    }
    button.disabled = true;
    storeDraft(form);
    // The outbox (live-outbox.js) keeps the note until the server answers: a note waiting for the
    // connection leaves the form free for the next one and goes by itself.
    window.allinOutbox.send({ url: form.action, data: new FormData(form), target: "#my-notes" }).then(function (result) {
      if (result.state === "duplicate") return;
      if (result.state === "refused") { note.className = "form-status error"; note.textContent = result.message; return; }
      if (result.state === "done") { var mine = document.getElementById("my-notes"); if (mine) { mine.innerHTML = result.body; loadMine(); } }
      form.elements.text.value = "";
      form.elements.client_id.value = uuid4();
      try { localStorage.removeItem(draftKey(form)); } catch (e) { /* nothing stored */ }
      updateCounter(form);
      note.className = "form-status " + (result.state === "done" ? "ok" : "waiting");
      note.textContent = result.state === "done" ? say("sent") : result.message;
    }).then(function () { button.disabled = false; });
  });

  function outboxReady() { return window.allinOutbox && window.allinOutbox.active(); }
  // An answer the outbox delivered later, with no form waiting for it, is this phone's part all the same.
  document.addEventListener("allin:delivered", function () { loadMine(); });

  // A "sent" from an earlier answer must not stand beside a refusal of this one.
  function clearSent() {
    Array.prototype.forEach.call(document.querySelectorAll(".form-status.ok"), function (el) {
      el.textContent = ""; el.className = "form-status";
    });
  }

  // ---- answers in other activities (a word, a dot, consent, a dream): same rules as a note ----------------
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("live-form") || !window.allinOutbox) return;
    event.preventDefault();
    if (form.elements.text && form.querySelector("[data-counter]") && !updateCounter(form)) {
      var status = form.querySelector(".form-status") || document.querySelector("#mine .form-status");
      if (status) { status.className = "form-status error"; status.textContent = say("tooLong", { n: noteLength(form.elements.text.value), max: texts.noteMax }); }
      form.elements.text.focus();
      return;
    }
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
    var note = form.querySelector(".form-status") || document.querySelector("#mine .form-status");
    var buttons = form.querySelectorAll("button");
    Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
    var selector = form.dataset.target || "#mine";
    var send = outboxReady() ? window.allinOutbox.send : window.allinOutbox.sendOnce;
    send({ url: form.action, data: data, target: selector }).then(function (result) {
      if (result.state === "duplicate") return;
      var target = document.querySelector(selector);
      if (result.state === "done" && target && result.status !== 204) { target.innerHTML = result.body; activate(target); }
      // A typed answer waiting in the outbox leaves the form free; a tapped one (a dot) keeps its key until
      // the server answers (the outbox then renews it), so the same tap again is not a second dot.
      if (result.state !== "refused" && form.dataset.reset !== undefined) {
        form.reset();
        if (form.elements.client_id) form.elements.client_id.value = uuid4();
      }
      if (result.state !== "done") clearSent();
      // The form may just have been replaced by the answer; look in the fresh markup first.
      if (result.state === "done") note = (target && target.querySelector(".form-status")) || form.querySelector(".form-status");
      if (note) {
        note.className = "form-status " + { done: "ok", waiting: "waiting", refused: "error" }[result.state];
        note.textContent = result.state === "done" ? say("sent") : result.message;
      }
    }).then(function () { Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; }); });
  });

  // ---- console: drag a note onto a theme -----------------------------------------------------------------
  document.addEventListener("dragstart", function (event) {
    var note = event.target.closest && event.target.closest("[data-note-id]");
    if (note) event.dataTransfer.setData("text/plain", note.dataset.noteId);
  });
  document.addEventListener("dragover", function (event) {
    if (event.target.closest && event.target.closest(".theme-drop")) event.preventDefault();
  });
  document.addEventListener("drop", function (event) {
    var zone = event.target.closest && event.target.closest(".theme-drop");
    if (!zone) return;
    event.preventDefault();
    var body = new URLSearchParams();
    body.append("note", event.dataTransfer.getData("text/plain"));
    body.append("theme", zone.dataset.themeId);
    fetch(zone.dataset.moveUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrf(), "HX-Request": "true" },
    }).then(function (response) { return response.text(); }).then(function (html) { setStage(html, null); });
  });

  function init() {
    root = document.getElementById("live");
    if (!root) return;
    var given = document.getElementById("live-texts");
    if (given) { try { texts = JSON.parse(given.textContent); } catch (e) { /* words stay empty; the server holds the limit */ } }
    role = root.dataset.role; stageUrl = root.dataset.stageUrl; wsUrl = root.dataset.wsUrl;
    var stage = $("#stage"); lastStageV = parseInt((stage && stage.dataset.v) || "0", 10);
    // Projector and consoles follow every version and look again after 5 quiet seconds; phones follow their
    // stage and look again after 25.
    strict = role !== "phone"; lastV = lastStageV; QUIET_MS = strict ? 5000 : 25000;
    if (!(window.AudioContext || window.webkitAudioContext)) root.classList.add("no-audio");
    afterRender(null);
    connect();
    setInterval(tick, 1000);
  }
  document.addEventListener("DOMContentLoaded", init);
  // htmx wires up the forms it swapped in only as it settles; with no settle delay that is at once, so a
  // keyboard user who presses Enter right after an answer arrived posts with htmx, not as a whole page.
  if (window.htmx) window.htmx.config.defaultSettleDelay = 0;
  var swapFocus = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var stage = $("#stage");
    swapFocus = stage && event.detail.target === stage ? saveFocus(stage) : null;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var xhr = event.detail.xhr, version = xhr ? parseInt(xhr.getResponseHeader("X-Live-Version") || "0", 10) : 0;
    if (version > lastStageV) lastStageV = version;  // a refetch that started before this answer is older
    seen(version);
    restoreFocus(swapFocus);
    swapFocus = null;
    afterRender(null);
  });
  // A live form htmx has not wired up yet (markup that came by a push a moment ago) still goes by htmx: the
  // page must not turn into a whole-page POST under the facilitator's hands. The form works either way.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || !window.htmx || !form.closest || !form.closest("#live")) return;
    if (!form.hasAttribute("hx-post") || form.dataset.resubmitting || !document.contains(form)) return;
    event.preventDefault();
    window.htmx.process(form);
    // (requestSubmit() would do nothing here: the browser is still firing this very submit.)
    form.dataset.resubmitting = "1";
    try { window.htmx.trigger(form, "submit"); } finally { delete form.dataset.resubmitting; }
  });
})();
