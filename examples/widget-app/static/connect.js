// The connect page: asks this app's backend for a widget token, embeds the widget with it and
// reports the widget's events.
(async function () {
  "use strict";
  const container = document.getElementById("widget");
  const note = document.getElementById("widget-event");
  const say = (...parts) => {
    note.replaceChildren(...parts);
    note.hidden = false;
  };

  const response = await fetch("/api/widget-token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  if (!response.ok) {
    say(`Could not get a widget token (HTTP ${response.status}).`);
    return;
  }
  const { token } = await response.json();
  window.AirbyteWidget.embed(container, token, {
    onEvent(event) {
      if (event.type !== "end_user_action_result") return;
      if (event.message === "source_created") {
        const link = Object.assign(document.createElement("a"), { href: "/sources", textContent: "See your sources" });
        say(`Source “${event.data.name}” created. `, link);
      } else if (event.message === "source_create_error") {
        say(`The widget could not create the source: ${event.error}`);
      }
    },
  });
})();
