/*
 * The embedding half of Airbyte's widget protocol, in a few lines so that the example needs no
 * build step. In production, use Airbyte's library (npm @airbyte-embedded/airbyte-embedded-widget,
 * class EmbeddedWidget), which does the same:
 *   - decode the widget token: base64 (standard or URL-safe, padded or not) of JSON
 *     {"token": <scoped token>, "widgetUrl": <url>};
 *   - open widgetUrl in an iframe;
 *   - answer the iframe's "auth_token_request" message with {scopedAuthToken}, posted to the
 *     iframe's origin only (the browser delivers it to no other);
 *   - hand the iframe's events ({type, ...}) to onEvent.
 * Messages are taken only from the iframe's window and origin.
 *
 *   const widget = AirbyteWidget.embed(container, widgetToken, { onEvent(event) { ... } });
 *   widget.updateToken(freshWidgetToken);   // pushes a new scoped token to the iframe
 *   widget.destroy();
 */
(function () {
  "use strict";

  function decode(widgetToken) {
    const text = String(widgetToken || "").trim().replace(/-/g, "+").replace(/_/g, "/");
    const padded = text + "===".slice((text.length + 3) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const decoded = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof decoded.widgetUrl !== "string" || typeof decoded.token !== "string") {
      throw new Error("not a widget token: widgetUrl or token is missing");
    }
    return decoded;
  }

  function embed(container, widgetToken, options) {
    const onEvent = (options && options.onEvent) || function () {};
    let decoded = decode(widgetToken);
    const origin = new URL(decoded.widgetUrl).origin;
    const iframe = document.createElement("iframe");
    iframe.title = "Airbyte widget";
    iframe.className = "airbyte-widget";

    function sendToken() {
      iframe.contentWindow.postMessage({ scopedAuthToken: decoded.token }, origin);
    }

    function onMessage(event) {
      if (event.source !== iframe.contentWindow || event.origin !== origin) return;
      if (event.data === "auth_token_request") {
        sendToken();
      } else if (event.data && typeof event.data === "object" && event.data.type) {
        onEvent(event.data);
      }
    }

    // Listen before the iframe loads: its first message is the token request.
    window.addEventListener("message", onMessage);
    iframe.src = decoded.widgetUrl;
    container.append(iframe);
    return {
      iframe,
      updateToken(fresh) {
        decoded = decode(fresh);
        sendToken();
      },
      destroy() {
        window.removeEventListener("message", onMessage);
        iframe.remove();
      },
    };
  }

  window.AirbyteWidget = { decode, embed };
})();
