// The big screen: redraws the live view whenever the server says something changed.
(() => {
  const root = document.querySelector(".screen");
  if (!root) return;
  const scheme = location.protocol === "https:" ? "wss://" : "ws://";
  let delay = 1000;
  function connect() {
    const socket = new WebSocket(scheme + location.host + root.dataset.socket);
    socket.onopen = () => { delay = 1000; };
    socket.onmessage = (event) => {
      const state = JSON.parse(event.data);
      document.getElementById("connected").textContent = state.connected;
      document.getElementById("answers").textContent = state.answers;
      document.getElementById("locked").textContent = state.locked ? root.dataset.locked : "";
      document.getElementById("live").innerHTML = state.html;
    };
    socket.onclose = () => { setTimeout(connect, delay); delay = Math.min(delay * 2, 10000); };
  }
  connect();
})();
