/*
 * Rassure dev store: App Bridge stand-in.
 *
 * Served at /app-bridge.js by the local Shopify dev store, in place of
 * https://cdn.shopify.com/shopifycloud/app-bridge.js. It provides the part of
 * App Bridge the app uses and talks to the fake admin page (its parent frame)
 * with postMessage. Plain browser JavaScript, no dependencies, no network
 * access other than the app's own same-origin requests.
 *
 * Messages (all { type: "rassure-dev:<name>", ... }):
 *   app -> admin: id-token-request {requestId}, nav-menu {items}, title {title},
 *                 toast {id, message, isError, duration}, toast-hide {id},
 *                 loading {loading}, location {path},
 *                 save-bar {id, visible, discardConfirmation, save: {disabled, loading}, discard: {...}},
 *                 leave-confirmation {requestId}
 *   admin -> app: id-token {requestId, token}, navigate {href, leaveConfirmed},
 *                 save-bar-action {id, action: "save" | "discard"}, leave-confirmed {requestId}
 */
(function () {
  "use strict";

  if (window.shopify && window.shopify.__rassureDevStore) return;

  var PREFIX = "rassure-dev:";
  var EMBED_PARAMS = ["embedded", "host", "shop", "id_token", "locale", "hmac", "session", "timestamp"];

  var script =
    document.currentScript ||
    document.querySelector('script[src*="/app-bridge.js"][data-api-key]') ||
    document.querySelector('script[src*="/app-bridge.js"]');
  var storeOrigin = script ? new URL(script.getAttribute("src"), location.href).origin : "";
  var apiKey = (script && script.getAttribute("data-api-key")) || "";

  var params = new URLSearchParams(location.search);
  var saved = {};
  try {
    saved = JSON.parse(sessionStorage.getItem("rassure-dev-store:config") || "{}") || {};
  } catch {
    saved = {};
  }
  var config = {
    apiKey: apiKey,
    shop: params.get("shop") || saved.shop || "",
    host: params.get("host") || saved.host || "",
    locale: params.get("locale") || saved.locale || "en",
    disabledFeatures: [],
  };
  try {
    sessionStorage.setItem(
      "rassure-dev-store:config",
      JSON.stringify({ shop: config.shop, host: config.host, locale: config.locale }),
    );
  } catch {
    /* storage unavailable: the URL parameters are used as is */
  }

  var framed = window.parent !== window;

  function post(name, data) {
    if (!framed) return;
    var message = { type: PREFIX + name };
    for (var key in data) if (Object.prototype.hasOwnProperty.call(data, key)) message[key] = data[key];
    window.parent.postMessage(message, storeOrigin || "*");
  }

  /* Outside the admin, App Bridge sends the merchant to the admin, which embeds the app. */
  if (!framed && storeOrigin && apiKey) {
    var target = new URL(location.href);
    EMBED_PARAMS.forEach(function (name) {
      target.searchParams.delete(name);
    });
    location.assign(storeOrigin + "/admin?path=" + encodeURIComponent(target.pathname + target.search));
    return;
  }

  // -------------------------------------------------------------------------
  // Session tokens
  // -------------------------------------------------------------------------

  var cachedToken = null;
  var cachedExpiry = 0;
  var pendingToken = null;
  var tokenRequests = {};
  var sequence = 0;

  function tokenExpiry(token) {
    try {
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      while (part.length % 4) part += "=";
      return JSON.parse(atob(part)).exp || 0;
    } catch {
      return 0;
    }
  }

  function remember(token) {
    cachedToken = token;
    cachedExpiry = tokenExpiry(token);
  }

  if (params.get("id_token")) remember(params.get("id_token"));

  function idToken() {
    if (cachedToken && cachedExpiry - 10 > Date.now() / 1000) return Promise.resolve(cachedToken);
    if (pendingToken) return pendingToken;
    pendingToken = new Promise(function (resolve, reject) {
      var requestId = "token-" + ++sequence;
      var timer = setTimeout(function () {
        delete tokenRequests[requestId];
        reject(new Error("App Bridge (dev store): no session token from the admin page within 10 s"));
      }, 10000);
      tokenRequests[requestId] = function (token) {
        clearTimeout(timer);
        resolve(token);
      };
      post("id-token-request", { requestId: requestId });
    }).then(
      function (token) {
        pendingToken = null;
        remember(token);
        return token;
      },
      function (error) {
        pendingToken = null;
        throw error;
      },
    );
    return pendingToken;
  }

  function forgetToken() {
    cachedToken = null;
    cachedExpiry = 0;
  }

  // -------------------------------------------------------------------------
  // fetch: same-origin requests carry the session token, like App Bridge's
  // -------------------------------------------------------------------------

  var originalFetch = window.fetch.bind(window);

  function requestUrl(input) {
    if (typeof input === "string") return new URL(input, location.href);
    if (input instanceof URL) return input;
    return new URL(input.url, location.href);
  }

  function withToken(input, init, token) {
    var headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
    headers.set("Authorization", "Bearer " + token);
    var next = {};
    if (init) for (var key in init) if (Object.prototype.hasOwnProperty.call(init, key)) next[key] = init[key];
    next.headers = headers;
    return next;
  }

  window.fetch = function (input, init) {
    var url;
    try {
      url = requestUrl(input);
    } catch {
      return originalFetch(input, init);
    }
    var explicit = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
    if (url.origin !== location.origin || explicit.has("Authorization")) return originalFetch(input, init);
    var retryInput = input instanceof Request ? input.clone() : input;
    return idToken().then(function (token) {
      return originalFetch(input, withToken(input, init, token)).then(function (response) {
        var reauthorize = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
        if (reauthorize) {
          window.open(reauthorize, "_top");
          return response;
        }
        if (response.status === 401 && response.headers.get("X-Shopify-Retry-Invalid-Session-Request") === "1") {
          forgetToken();
          return idToken().then(function (fresh) {
            return originalFetch(retryInput, withToken(retryInput, init, fresh));
          });
        }
        return response;
      });
    });
  };

  // -------------------------------------------------------------------------
  // Admin chrome: navigation menu, title bar, location
  // -------------------------------------------------------------------------

  var reportScheduled = false;

  function report() {
    reportScheduled = false;
    var items = [];
    document.querySelectorAll("ui-nav-menu a").forEach(function (a) {
      items.push({ href: a.getAttribute("href") || "", text: (a.textContent || "").trim(), rel: a.getAttribute("rel") });
    });
    post("nav-menu", { items: items });
    var titleBar = document.querySelector("ui-title-bar");
    post("title", { title: titleBar ? titleBar.getAttribute("title") || "" : "" });
  }

  function scheduleReport() {
    if (reportScheduled) return;
    reportScheduled = true;
    Promise.resolve().then(report);
  }

  function cleanPath() {
    var url = new URL(location.href);
    EMBED_PARAMS.forEach(function (name) {
      url.searchParams.delete(name);
    });
    return url.pathname + url.search + url.hash;
  }

  function reportLocation() {
    post("location", { path: cleanPath() });
  }

  ["pushState", "replaceState"].forEach(function (method) {
    var original = history[method];
    history[method] = function () {
      var result = original.apply(this, arguments);
      reportLocation();
      return result;
    };
  });
  window.addEventListener("popstate", reportLocation);

  function defineHidden(name, observeSubtree, attributes) {
    if (customElements.get(name)) return;
    customElements.define(
      name,
      class extends HTMLElement {
        static get observedAttributes() {
          return attributes || [];
        }
        connectedCallback() {
          this.style.display = "none";
          if (observeSubtree && !this._observer) {
            this._observer = new MutationObserver(scheduleReport);
            this._observer.observe(this, { childList: true, subtree: true, attributes: true, characterData: true });
          }
          scheduleReport();
        }
        disconnectedCallback() {
          if (this._observer) {
            this._observer.disconnect();
            this._observer = null;
          }
          scheduleReport();
        }
        attributeChangedCallback() {
          scheduleReport();
        }
      },
    );
  }

  defineHidden("ui-nav-menu", true);
  defineHidden("ui-title-bar", false, ["title"]);
  defineSaveBar();
  defineHidden("ui-modal", false);

  // -------------------------------------------------------------------------
  // Contextual save bar: <ui-save-bar> as App Bridge defines it (show, hide,
  // toggle, showing, discardConfirmation, "show"/"hide" events). The admin
  // draws the bar; its Save and Discard click the element's primary and
  // other <button> children, and it asks before leaving while a bar shows.
  // -------------------------------------------------------------------------

  var visibleSaveBars = {};

  function buttonState(button) {
    return button ? { disabled: button.hasAttribute("disabled"), loading: button.hasAttribute("loading") } : null;
  }

  function saveBarButtons(element) {
    var buttons = Array.prototype.slice.call(element.querySelectorAll("button"));
    return {
      save: buttons.filter(function (b) { return b.getAttribute("variant") === "primary"; })[0] || null,
      discard: buttons.filter(function (b) { return b.getAttribute("variant") !== "primary"; })[0] || null,
    };
  }

  function reportSaveBar(element) {
    var buttons = saveBarButtons(element);
    post("save-bar", {
      id: element.id,
      visible: Boolean(element._showing),
      discardConfirmation: element.hasAttribute("discardConfirmation") || element.hasAttribute("discard-confirmation"),
      save: buttonState(buttons.save),
      discard: buttonState(buttons.discard),
    });
  }

  function setSaveBarVisible(element, visible) {
    if (Boolean(element._showing) === visible) return;
    element._showing = visible;
    if (visible) visibleSaveBars[element.id] = element;
    else delete visibleSaveBars[element.id];
    reportSaveBar(element);
    element.dispatchEvent(new CustomEvent(visible ? "show" : "hide"));
  }

  function anySaveBarVisible() {
    return Object.keys(visibleSaveBars).length > 0;
  }

  function defineSaveBar() {
    if (customElements.get("ui-save-bar")) return;
    customElements.define(
      "ui-save-bar",
      class extends HTMLElement {
        connectedCallback() {
          this.style.display = "none";
          this._observer = new MutationObserver(() => {
            if (this._showing) reportSaveBar(this);
          });
          this._observer.observe(this, { childList: true, subtree: true, attributes: true });
        }
        disconnectedCallback() {
          if (this._observer) this._observer.disconnect();
          this._observer = null;
          setSaveBarVisible(this, false);
        }
        show() {
          setSaveBarVisible(this, true);
          return Promise.resolve();
        }
        hide() {
          setSaveBarVisible(this, false);
          return Promise.resolve();
        }
        toggle() {
          setSaveBarVisible(this, !this._showing);
          return Promise.resolve();
        }
        get showing() {
          return Boolean(this._showing);
        }
        get discardConfirmation() {
          return this.hasAttribute("discardConfirmation");
        }
        set discardConfirmation(value) {
          if (value) this.setAttribute("discardConfirmation", "");
          else this.removeAttribute("discardConfirmation");
        }
      },
    );
  }

  function saveBarAction(id, action) {
    var element = visibleSaveBars[id] || document.getElementById(id);
    if (!element) return;
    var buttons = saveBarButtons(element);
    var button = action === "save" ? buttons.save : buttons.discard;
    if (button && !button.hasAttribute("disabled")) button.click();
  }

  var leaveRequests = {};

  function leaveConfirmation() {
    if (!anySaveBarVisible()) return Promise.resolve();
    return new Promise(function (resolve) {
      var requestId = "leave-" + ++sequence;
      leaveRequests[requestId] = resolve;
      post("leave-confirmation", { requestId: requestId });
    });
  }

  /** The merchant chose to leave in the admin's dialog: the page's bars go, its edits with them. */
  function dropSaveBars() {
    Object.keys(visibleSaveBars).forEach(function (id) {
      setSaveBarVisible(visibleSaveBars[id], false);
    });
  }

  // -------------------------------------------------------------------------
  // Navigation requested by the admin sidebar
  // -------------------------------------------------------------------------

  function embeddedUrl(href, token) {
    var url = new URL(href, location.href);
    url.searchParams.set("embedded", "1");
    if (config.host) url.searchParams.set("host", config.host);
    if (config.shop) url.searchParams.set("shop", config.shop);
    url.searchParams.set("locale", config.locale);
    url.searchParams.set("id_token", token);
    return url.href;
  }

  function navigate(href) {
    var links = document.querySelectorAll("ui-nav-menu a");
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.getAttribute("href") !== href) continue;
      // A client-side router (Remix Link) cancels the click; a plain link would
      // leave the embedded context, so it is reloaded with the embedded parameters.
      var fallback = function (event) {
        window.removeEventListener("click", fallback);
        if (event.defaultPrevented) return;
        event.preventDefault();
        idToken().then(function (token) {
          location.assign(embeddedUrl(href, token));
        });
      };
      window.addEventListener("click", fallback);
      link.click();
      window.removeEventListener("click", fallback);
      return;
    }
    var anchor = document.createElement("a");
    anchor.setAttribute("href", href);
    anchor.style.display = "none";
    document.body.appendChild(anchor);
    anchor.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
    anchor.remove();
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    if (storeOrigin && event.origin !== storeOrigin) return;
    var data = event.data;
    if (!data || typeof data.type !== "string" || data.type.indexOf(PREFIX) !== 0) return;
    var name = data.type.slice(PREFIX.length);
    if (name === "id-token" && tokenRequests[data.requestId]) {
      var done = tokenRequests[data.requestId];
      delete tokenRequests[data.requestId];
      done(String(data.token));
    } else if (name === "navigate" && typeof data.href === "string") {
      if (data.leaveConfirmed) dropSaveBars();
      navigate(data.href);
    } else if (name === "save-bar-action" && typeof data.id === "string") {
      saveBarAction(data.id, data.action);
    } else if (name === "leave-confirmed" && leaveRequests[data.requestId]) {
      var leave = leaveRequests[data.requestId];
      delete leaveRequests[data.requestId];
      dropSaveBars();
      leave();
    }
  });

  // -------------------------------------------------------------------------
  // window.shopify
  // -------------------------------------------------------------------------

  var toastSequence = 0;
  var loadingState = false;

  function visibility(name) {
    return {
      show: function (id) {
        post(name, { id: id, visible: true });
        return Promise.resolve();
      },
      hide: function (id) {
        post(name, { id: id, visible: false });
        return Promise.resolve();
      },
      toggle: function (id) {
        post(name, { id: id, visible: null });
        return Promise.resolve();
      },
    };
  }

  function withSaveBar(method) {
    return function (id) {
      var element = document.getElementById(id);
      if (!element || element.tagName.toLowerCase() !== "ui-save-bar") return Promise.reject(new Error("App Bridge (dev store): no <ui-save-bar id=\"" + id + "\">"));
      return element[method]();
    };
  }

  var saveBar = {
    show: withSaveBar("show"),
    hide: withSaveBar("hide"),
    toggle: withSaveBar("toggle"),
    leaveConfirmation: leaveConfirmation,
  };

  window.shopify = {
    __rassureDevStore: true,
    config: config,
    origin: storeOrigin,
    environment: { embedded: true, mobile: false, pos: false },
    idToken: idToken,
    toast: {
      show: function (message, options) {
        var id = "toast-" + ++toastSequence;
        options = options || {};
        post("toast", {
          id: id,
          message: String(message),
          isError: Boolean(options.isError),
          duration: typeof options.duration === "number" ? options.duration : 5000,
        });
        return id;
      },
      hide: function (id) {
        post("toast-hide", { id: id });
      },
    },
    loading: function (isLoading) {
      if (arguments.length === 0) return loadingState;
      loadingState = Boolean(isLoading);
      post("loading", { loading: loadingState });
      return loadingState;
    },
    saveBar: saveBar,
    modal: visibility("modal"),
  };

  // -------------------------------------------------------------------------
  // Bounce page (/auth/session-token?shopify-reload=...): reload with a fresh token
  // -------------------------------------------------------------------------

  var reload = params.get("shopify-reload");
  if (reload) {
    idToken().then(function (token) {
      var target = new URL(reload, location.href);
      if (target.origin !== location.origin) return;
      target.searchParams.set("id_token", token);
      location.replace(target.href);
    });
  }

  reportLocation();
  scheduleReport();
})();
