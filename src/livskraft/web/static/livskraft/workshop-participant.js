// A participant's phone: scores go over the websocket, or by a plain POST while it is down.
// A dropped connection reconnects by itself; saved answers live on the server.
(() => {
  const root = document.querySelector(".factors");
  if (!root) return;
  const status = document.getElementById("connection");
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  let socket = null;
  let delay = 1000;

  function connect() {
    socket = new WebSocket(scheme + location.host + root.dataset.socket);
    socket.onopen = () => { delay = 1000; status.textContent = root.dataset.connected; };
    socket.onclose = () => {
      status.textContent = root.dataset.reconnecting;
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 10000);
    };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      show(message.saved ?? message.factor, message.saved ? root.dataset.saved : root.dataset.failed);
    };
  }

  function show(factor, text) {
    const form = root.querySelector(`form[data-factor="${factor}"]`);
    if (form) form.querySelector(".status").textContent = text;
  }

  async function save(form) {
    const data = new FormData(form);
    if (!data.get("importance") || !data.get("influence")) return;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify({factor: data.get("factor"), importance: data.get("importance"),
                                  influence: data.get("influence")}));
      return;
    }
    const response = await fetch(form.action, {method: "POST", body: data,
                                               headers: {"Accept": "application/json"}});
    show(data.get("factor"), response.ok ? root.dataset.saved : root.dataset.failed);
  }

  root.querySelectorAll("form.factor-form").forEach((form) => {
    form.addEventListener("submit", (event) => { event.preventDefault(); save(form); });
    form.addEventListener("change", () => save(form));
  });
  connect();
})();
