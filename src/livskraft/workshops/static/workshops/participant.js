// A participant's page, in every tool: one websocket that sends priority scores and follows
// the facilitator (tool switch, lock, reveal, new factors or rounds). While it is down the page
// reconnects by itself and polls the state; answers also go by plain form posts.
(() => {
  const root = document.getElementById("participant");
  if (!root) return;
  const status = document.getElementById("connection");
  const shown = JSON.parse(document.getElementById("phone-state").textContent);
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  const POLL_MS = 3000;
  let socket = null;
  let delay = 1000;
  let poller = null;
  let waiting = false;

  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  function typing() {
    const active = document.activeElement;
    return active && ["TEXTAREA", "INPUT"].includes(active.tagName) &&
      !["radio", "checkbox", "submit"].includes(active.type) && active.value;
  }

  function follow(state) {
    if (same(state, shown) || waiting) return;
    if (!typing()) { location.reload(); return; }
    waiting = true;  // reload once the participant has finished writing
    document.activeElement.addEventListener("blur", () => location.reload(), {once: true});
  }

  function poll() {
    if (poller) return;
    poller = setInterval(async () => {
      try {
        const response = await fetch(root.dataset.stateUrl, {headers: {"Accept": "application/json"}});
        if (response.ok) follow((await response.json()).state);
      } catch (error) { /* offline: try again */ }
    }, POLL_MS);
  }

  function connect() {
    socket = new WebSocket(scheme + location.host + root.dataset.socket);
    socket.onopen = () => {
      delay = 1000;
      status.textContent = root.dataset.connected;
      clearInterval(poller);
      poller = null;
    };
    socket.onclose = () => {
      status.textContent = root.dataset.reconnecting;
      poll();
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.state) { follow(message.state); return; }
      show(message.saved ?? message.factor,
           message.saved ? root.dataset.saved : (message.message || root.dataset.failed));
    };
  }

  function show(factor, text) {
    const form = root.querySelector(`form[data-factor="${factor}"]`);
    if (form) form.querySelector(".status").textContent = text;
  }

  async function save(form) {
    const data = new FormData(form);
    if (!data.get("importance") || !data.get("influence")) return;
    const at = Date.now();  // the server keeps the newest answer, whichever way it came
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({factor: data.get("factor"), importance: data.get("importance"),
                                  influence: data.get("influence"), at}));
      return;
    }
    data.append("at", at);
    // A busy server answers 503 (try again) and a dropped connection throws: send the same
    // answer again a couple of times; it is stored once, and `at` keeps the newest.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      let response = null;
      try {
        response = await fetch(form.action, {method: "POST", body: data,
                                             headers: {"Accept": "application/json"}});
      } catch (error) { /* no connection: try again */ }
      if (response && response.status !== 503) {
        const reply = await response.json().catch(() => ({}));
        show(data.get("factor"), response.ok ? root.dataset.saved
                                             : (reply.message || root.dataset.failed));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
    }
    show(data.get("factor"), root.dataset.failed);
  }

  root.querySelectorAll("form.factor-form").forEach((form) => {
    form.addEventListener("submit", (event) => { event.preventDefault(); save(form); });
    form.addEventListener("change", () => save(form));
  });
  connect();
})();
