/*
 * The sandbox's stand-in for Airbyte's embedded widget. Test infrastructure, not a product:
 * one plain script, no build step. The sandbox serves it at /embedded-widget on the widget
 * origin (http://localhost:<port>) and names the API's base URL in <html data-api>.
 *
 * How it gets the scoped token, and how it refuses a page on another origin. The protocol is
 * the one of Airbyte's widget library (@airbyte-embedded/airbyte-embedded-widget): the
 * operator's page decodes the widget token (base64 of {token, widgetUrl}), opens widgetUrl in
 * an iframe (this page, ?workspaceId=…&allowedOrigin=…), answers the iframe's
 * "auth_token_request" message with {scopedAuthToken} and receives its events. Every check
 * below rests on something the browser, not the embedding page, decides:
 *
 *  1. Before asking for anything, the page compares its embedding page's origin with
 *     allowedOrigin. The browser reports that origin: location.ancestorOrigins[0] (Chromium,
 *     WebKit), else the origin of document.referrer. A page on another origin gets a refusal
 *     and nothing else happens.
 *  2. It asks for the token with window.parent.postMessage("auth_token_request",
 *     allowedOrigin). The browser delivers a message only to a window whose origin is the
 *     targetOrigin, so a page on another origin never hears the request, even in a browser
 *     without ancestorOrigins where the referrer was withheld.
 *  3. An answer is taken only from window.parent and only when event.origin, which the
 *     browser sets and no page can forge, is allowedOrigin.
 *  4. The token must be the one this URL belongs to: its workspace scope is workspaceId, and
 *     its io.airbyte.sandbox.allowed_origin claim (the widget token's allowed_origin, which the
 *     sandbox signs into the scoped token) is allowedOrigin. So a URL edited to name the page
 *     that frames it is refused too. The API still verifies the token's signature on every
 *     call; this page only reads the claims.
 *
 * allowedOrigin "null" (an iframe made from srcdoc has an opaque origin) cannot be a
 * postMessage target: the request goes to "*" (it carries nothing secret) and the answer must
 * come from an opaque origin (event.origin "null").
 *
 * Then it lists the templates the token's tags allow (GET /embedded/source-templates), renders
 * the chosen template's user_config_spec as a form (airbyte_secret fields as password inputs),
 * creates the source (POST /embedded/sources), starts its check (POST
 * /embedded/sources/{id}/check) and polls GET /embedded/sources/check/{id}/status until the
 * check ends. The embedding page gets the real widget's events: {type:
 * "end_user_action_result", message: "source_created", data: <source>} or {…, message:
 * "source_create_error", error}. A later {scopedAuthToken} replaces the token (the library's
 * updateToken).
 *
 * State for tests: <body data-state> is starting | waiting | refused | loading | templates |
 * form | creating | checking | checked | error, and #outcome's data-check is the check's
 * status once it ends.
 */
(function () {
  "use strict";

  const API = document.documentElement.dataset.api;
  const params = new URLSearchParams(window.location.search);
  const workspaceId = params.get("workspaceId");
  const allowedOrigin = params.get("allowedOrigin");
  const WORKSPACE_CLAIM = "io.airbyte.auth.workspace_scope";
  const ORIGIN_CLAIM = "io.airbyte.sandbox.allowed_origin";
  const TERMINAL = ["succeeded", "failed", "cancelled"];
  const POLL_MS = 250;
  const MAX_POLLS = 240;

  let token = null;
  let refused = false;
  let started = false;
  let template = null;

  const $ = (id) => document.getElementById(id);
  const show = (id, visible) => {
    $(id).hidden = !visible;
  };
  const element = (tag, props) => Object.assign(document.createElement(tag), props || {});

  function setStatus(state, text) {
    document.body.dataset.state = state;
    $("status").textContent = text;
  }

  function refuse(reason) {
    refused = true;
    token = null;
    for (const id of ["templates-section", "form-section", "outcome-section"]) show(id, false);
    $("refusal").textContent = "This widget refuses to run: " + reason + ".";
    show("refusal", true);
    setStatus("refused", "Refused.");
  }

  /** The embedding page's origin as the browser reports it, or null when it reports none. */
  function embeddingOrigin() {
    const ancestors = window.location.ancestorOrigins;
    if (ancestors && ancestors.length > 0) return ancestors[0];
    if (!document.referrer) return null;
    try {
      return new URL(document.referrer).origin;
    } catch (e) {
      return null;
    }
  }

  /** Where messages to the embedding page go (see the header about "null"). */
  function target() {
    return allowedOrigin === "null" ? "*" : allowedOrigin;
  }

  function notify(message) {
    window.parent.postMessage(message, target());
  }

  /** The claims of a JWT, read without verifying it (the API verifies it), or null. */
  function claims(jwt) {
    const part = String(jwt).split(".")[1];
    if (!part) return null;
    try {
      const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
      const bytes = Uint8Array.from(atob(b64 + "===".slice((b64.length + 3) % 4)), (c) =>
        c.charCodeAt(0)
      );
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (e) {
      return null;
    }
  }

  function onMessage(event) {
    if (refused || event.source !== window.parent) return;
    const data = event.data;
    if (!data || typeof data !== "object" || typeof data.scopedAuthToken !== "string") return;
    if (event.origin !== allowedOrigin) {
      refuse(`the token came from ${event.origin}, but this widget token allows only ${allowedOrigin}`);
      return;
    }
    const c = claims(data.scopedAuthToken);
    const scope = c && c[WORKSPACE_CLAIM];
    if (!scope || scope.workspaceId !== workspaceId) {
      refuse(`the token it was given is not for workspace ${workspaceId}`);
      return;
    }
    if (c[ORIGIN_CLAIM] !== allowedOrigin) {
      const minted = c[ORIGIN_CLAIM] ? `for ${c[ORIGIN_CLAIM]}` : "as a plain scoped token";
      refuse(`its token was minted ${minted}, not for ${allowedOrigin}`);
      return;
    }
    token = data.scopedAuthToken;
    if (!started) {
      started = true;
      loadTemplates();
    }
  }

  function describeError(status, body) {
    if (body && Array.isArray(body.detail)) {
      return body.detail.map((d) => `${(d.loc || []).join(".")}: ${d.msg}`).join("; ");
    }
    if (body && typeof body.detail === "string") return body.detail;
    if (body && Array.isArray(body.errors) && body.errors.length > 0) {
      return body.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    }
    if (body && typeof body.message === "string") return body.message;
    return `HTTP ${status}`;
  }

  /** Calls the API with the scoped token; resolves to the JSON body, rejects with a message. */
  async function api(method, path, body) {
    const headers = { authorization: "Bearer " + token };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = null;
    }
    if (!response.ok) throw new Error(describeError(response.status, json));
    return json;
  }

  async function loadTemplates() {
    setStatus("loading", "Loading connectors…");
    let list;
    try {
      list = await api("GET", "/embedded/source-templates");
    } catch (err) {
      setStatus("error", "Could not list connectors: " + err.message);
      return;
    }
    const templates = (list && list.data) || [];
    const ul = $("templates");
    ul.replaceChildren();
    for (const t of templates) {
      const button = element("button", { type: "button", className: "template", textContent: t.name });
      button.dataset.templateId = t.id;
      button.addEventListener("click", () => openTemplate(t.id));
      const item = element("li");
      item.append(button);
      ul.append(item);
    }
    showTemplates();
    if (templates.length === 0) setStatus("templates", "No connector is offered to you.");
  }

  function showTemplates() {
    show("form-section", false);
    show("outcome-section", false);
    show("templates-section", true);
    setStatus("templates", "Pick a connector.");
  }

  async function openTemplate(id) {
    setStatus("loading", "Loading the connector's form…");
    let t;
    try {
      t = await api("GET", "/embedded/source-templates/" + encodeURIComponent(id));
    } catch (err) {
      setStatus("error", "Could not load the connector: " + err.message);
      return;
    }
    const spec = t.user_config_spec || {};
    const schema = spec.connectionSpecification || spec;
    template = t;
    $("form-title").textContent = t.name;
    $("source-name").value = t.name;
    $("fields").replaceChildren(...objectFields(schema, [], schema));
    $("submit").disabled = false;
    show("form-error", false);
    show("templates-section", false);
    show("form-section", true);
    setStatus("form", "Fill in the form.");
  }

  // ---- user_config_spec → form. Each input's data-path is its JSON path in the config and
  // ---- data-kind says how to read it.

  /** `node` with local `$ref`s (#/…) replaced by their targets (its own keys kept over them). */
  function resolve(root, node) {
    let n = node || {};
    for (let hops = 0; typeof n.$ref === "string" && n.$ref.startsWith("#/") && hops < 16; hops++) {
      let found = root;
      for (const part of n.$ref.slice(2).split("/")) {
        found = found ? found[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
      }
      if (!found || typeof found !== "object") break;
      const own = Object.assign({}, n);
      delete own.$ref;
      n = Object.assign({}, found, own);
    }
    return n;
  }

  function ordered(properties) {
    const rank = (p) => (typeof p.order === "number" ? p.order : Number.MAX_SAFE_INTEGER);
    return Object.entries(properties || {}).sort(
      ([ka, a], [kb, b]) => rank(a) - rank(b) || ka.localeCompare(kb)
    );
  }

  function objectFields(schema, path, root) {
    const required = new Set(schema.required || []);
    return ordered(schema.properties).map(([key, raw]) =>
      field(resolve(root, raw), path.concat(key), required.has(key), root)
    );
  }

  function fieldId(path) {
    return "field-" + path.join(".");
  }

  function labelled(text, required, input, description) {
    const label = element("label", { className: "field" });
    label.append(element("span", { textContent: text + (required ? " *" : "") }), input);
    if (description) label.append(element("small", { textContent: description }));
    return label;
  }

  function field(p, path, required, root) {
    const title = p.title || path[path.length - 1];
    if (p.const !== undefined) {
      const input = element("input", { type: "hidden", id: fieldId(path), value: JSON.stringify(p.const) });
      input.dataset.path = JSON.stringify(path);
      input.dataset.kind = "json";
      return input;
    }
    const branches = p.oneOf || p.anyOf;
    if (Array.isArray(branches) && branches.length > 0) {
      return choice(p, branches.map((b) => resolve(root, b)), path, required, root, title);
    }
    if (p.type === "object" && p.properties) {
      const fieldset = element("fieldset");
      fieldset.append(element("legend", { textContent: title + (required ? " *" : "") }));
      fieldset.append(...objectFields(p, path, root));
      return fieldset;
    }
    const input = leaf(p, required);
    input.id = fieldId(path);
    input.name = path.join(".");
    input.dataset.path = JSON.stringify(path);
    return labelled(title, required, input, p.description);
  }

  /** The input of a scalar (or string array) property. */
  function leaf(p, required) {
    const type = Array.isArray(p.type) ? p.type.find((t) => t !== "null") : p.type;
    let input;
    if (Array.isArray(p.enum)) {
      input = element("select");
      if (!required) input.append(element("option", { value: "", textContent: "—" }));
      for (const v of p.enum) input.append(element("option", { value: JSON.stringify(v), textContent: String(v) }));
      if (p.default !== undefined) input.value = JSON.stringify(p.default);
      input.dataset.kind = "json";
    } else if (type === "boolean") {
      input = element("input", { type: "checkbox", checked: p.default === true });
      input.dataset.kind = "boolean";
    } else if (type === "integer" || type === "number") {
      input = element("input", { type: "number", step: type === "integer" ? "1" : "any" });
      if (typeof p.minimum === "number") input.min = String(p.minimum);
      if (typeof p.maximum === "number") input.max = String(p.maximum);
      if (p.default !== undefined) input.value = String(p.default);
      input.dataset.kind = "number";
    } else if (type === "array") {
      input = element("input", { type: "text", placeholder: "comma-separated" });
      if (Array.isArray(p.default)) input.value = p.default.join(", ");
      input.dataset.kind = "array";
    } else if (p.multiline && !p.airbyte_secret) {
      input = element("textarea", { rows: 3 });
      input.dataset.kind = "string";
    } else {
      input = element("input", { type: p.airbyte_secret ? "password" : "text", autocomplete: "off" });
      if (typeof p.default === "string") input.value = p.default;
      input.dataset.kind = "string";
    }
    if (!input.placeholder && Array.isArray(p.examples) && p.examples.length > 0) {
      input.placeholder = String(p.examples[0]);
    }
    if (required && input.dataset.kind !== "boolean") input.required = true;
    return input;
  }

  /** A oneOf property: a select of its branches and the chosen branch's fields. */
  function choice(p, branches, path, required, root, title) {
    const fieldset = element("fieldset");
    fieldset.append(element("legend", { textContent: title + (required ? " *" : "") }));
    const select = element("select", { id: fieldId(path), className: "branch" });
    branches.forEach((b, i) => select.append(element("option", { value: String(i), textContent: b.title || `Option ${i + 1}` })));
    select.value = String(defaultBranch(p, branches));
    const body = element("div", { className: "branch-fields" });
    const render = () => body.replaceChildren(...objectFields(branches[Number(select.value)], path, root));
    select.addEventListener("change", render);
    render();
    fieldset.append(labelled("Choose one", false, select, p.description), body);
    return fieldset;
  }

  /** The branch whose constants the property's default object has, else the first. */
  function defaultBranch(p, branches) {
    if (!p.default || typeof p.default !== "object") return 0;
    const index = branches.findIndex((b) =>
      Object.entries(b.properties || {}).some(([k, v]) => v.const !== undefined && p.default[k] === v.const)
    );
    return index < 0 ? 0 : index;
  }

  /** The value of one input, or undefined to leave its key out. */
  function valueOf(input) {
    switch (input.dataset.kind) {
      case "json":
        return input.value === "" ? undefined : JSON.parse(input.value);
      case "boolean":
        return input.checked ? true : undefined;
      case "number":
        return input.value === "" ? undefined : Number(input.value);
      case "array": {
        const items = input.value.split(",").map((s) => s.trim()).filter(Boolean);
        return items.length > 0 ? items : undefined;
      }
      default:
        return input.value === "" ? undefined : input.value;
    }
  }

  function collect() {
    const config = {};
    for (const input of $("fields").querySelectorAll("[data-path]")) {
      const value = valueOf(input);
      if (value === undefined) continue;
      const path = JSON.parse(input.dataset.path);
      let node = config;
      for (const key of path.slice(0, -1)) node = node[key] = node[key] || {};
      node[path[path.length - 1]] = value;
    }
    return config;
  }

  // ---- create and check.

  async function submit(event) {
    event.preventDefault();
    if (!token || !template) return;
    $("submit").disabled = true;
    show("form-error", false);
    setStatus("creating", "Creating the source…");
    let source;
    try {
      source = await api("POST", "/embedded/sources", {
        workspace_id: workspaceId,
        source_template_id: template.id,
        name: $("source-name").value,
        source_config: collect(),
      });
    } catch (err) {
      $("form-error").textContent = "The source was not created: " + err.message;
      show("form-error", true);
      $("submit").disabled = false;
      setStatus("form", "Fix the form and try again.");
      notify({ type: "end_user_action_result", message: "source_create_error", error: err.message });
      return;
    }
    notify({ type: "end_user_action_result", message: "source_created", data: source });
    show("form-section", false);
    show("outcome-section", true);
    await check(source);
  }

  async function check(source) {
    const outcome = $("outcome");
    outcome.dataset.check = "pending";
    outcome.textContent = `Source "${source.name}" created; checking its connection…`;
    setStatus("checking", "Checking the connection…");
    try {
      const job = await api("POST", `/embedded/sources/${encodeURIComponent(source.id)}/check`, {});
      for (let i = 0; i < MAX_POLLS; i++) {
        const s = await api("GET", `/embedded/sources/check/${encodeURIComponent(job.id)}/status`);
        if (TERMINAL.includes(s.status)) {
          outcome.dataset.check = s.status;
          outcome.textContent =
            s.status === "succeeded"
              ? `Connected: source "${source.name}" passed its check.`
              : `Source "${source.name}" was created, but its check ${s.status}: ` +
                (s.enhanced_error_message ||
                  (s.failure_reason && s.failure_reason.external_message) ||
                  s.error_message ||
                  "no reason given");
          setStatus("checked", "Done.");
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      outcome.dataset.check = "unknown";
      outcome.textContent = `Source "${source.name}" was created; its check has not ended yet.`;
    } catch (err) {
      outcome.dataset.check = "error";
      outcome.textContent = `Source "${source.name}" was created, but its check could not run: ${err.message}`;
    }
    setStatus("checked", "Done.");
  }

  function start() {
    window.addEventListener("message", onMessage);
    $("config-form").addEventListener("submit", submit);
    $("back").addEventListener("click", showTemplates);
    if (!API || !workspaceId || !allowedOrigin) {
      refuse("its URL lacks the API, workspaceId or allowedOrigin");
      return;
    }
    if (window.parent === window) {
      refuse("it runs only inside the operator's page (an iframe), not on its own");
      return;
    }
    const embedder = embeddingOrigin();
    if (embedder !== null && embedder !== allowedOrigin) {
      refuse(`it is embedded by ${embedder}, but its widget token allows only ${allowedOrigin}`);
      return;
    }
    setStatus("waiting", "Waiting for the page to hand over the token…");
    window.parent.postMessage("auth_token_request", target());
  }

  start();
})();
