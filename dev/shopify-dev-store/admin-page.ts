/**
 * The fake Shopify admin: a page on the store's origin that looks like the
 * admin (top bar, sidebar, app title) and embeds the app in an iframe. It
 * answers the App Bridge stand-in (public/app-bridge.js) over postMessage:
 * session tokens (fetched from /_dev/session-token), navigation items, title,
 * toasts, loading bar and location, and the contextual save bar: shown while the app
 * says a form is dirty, its Save/Discard pressing the app's buttons, and a leave
 * confirmation when the merchant navigates away while it shows (as the real admin does).
 */
import type { DevStoreContext } from "./context";
import { escapeHtml, htmlResponse } from "./responses";
import { mintSessionToken } from "./session-token";
import { embeddedAppUrl } from "./urls";

const ICONS: Record<string, string> = {
  home: '<path d="M3 9.5 10 4l7 5.5V16a1 1 0 0 1-1 1h-4v-4H8v4H4a1 1 0 0 1-1-1V9.5Z"/>',
  orders: '<path d="M4 4h12l-1 12H5L4 4Zm3 3v1a3 3 0 0 0 6 0V7"/>',
  products: '<path d="M10 3 4 6v8l6 3 6-3V6l-6-3Zm0 0v14M4 6l6 3 6-3"/>',
  customers: '<circle cx="10" cy="7" r="3"/><path d="M4 17c.8-3 3.2-4.5 6-4.5s5.2 1.5 6 4.5"/>',
  content: '<path d="M5 3h7l3 3v11H5V3Zm2 6h6M7 12h6"/>',
  analytics: '<path d="M4 16V9m4 7V5m4 11v-5m4 5V7"/>',
  marketing: '<path d="M4 8v4l8 4V4L4 8Zm0 0H3v4h1"/>',
  discounts: '<path d="M10 3h6v6l-7 7-6-6 7-7Z"/><circle cx="13" cy="6" r="1"/>',
  store: '<path d="M4 8h12v8H4zM3 8l2-4h10l2 4"/>',
  apps: '<rect x="4" y="4" width="5" height="5" rx="1"/><rect x="11" y="4" width="5" height="5" rx="1"/><rect x="4" y="11" width="5" height="5" rx="1"/><rect x="11" y="11" width="5" height="5" rx="1"/>',
  settings: '<circle cx="10" cy="10" r="2.5"/><path d="M10 3v2m0 10v2m7-7h-2M5 10H3m11.9-4.9-1.4 1.4M6.5 13.5l-1.4 1.4m9.8 0-1.4-1.4M6.5 6.5 5.1 5.1"/>',
};

function icon(name: string): string {
  return `<svg viewBox="0 0 20 20" aria-hidden="true">${ICONS[name] ?? ""}</svg>`;
}

interface AdminLabels {
  items: Array<[icon: string, label: string]>;
  salesChannels: string;
  onlineStore: string;
  apps: string;
  settings: string;
  search: string;
  unavailable: string;
  close: string;
  saveBar: { message: string; save: string; discard: string };
  leave: { title: string; body: string; stay: string; leave: string };
  discardDialog: { title: string; body: string; cancel: string; discard: string };
}

const LABELS: Record<"fr" | "en", AdminLabels> = {
  fr: {
    items: [
      ["home", "Accueil"],
      ["orders", "Commandes"],
      ["products", "Produits"],
      ["customers", "Clients"],
      ["content", "Contenu"],
      ["analytics", "Analyses"],
      ["marketing", "Marketing"],
      ["discounts", "Réductions"],
    ],
    salesChannels: "Canaux de vente",
    onlineStore: "Boutique en ligne",
    apps: "Applications",
    settings: "Paramètres",
    search: "Rechercher",
    unavailable: "Non disponible dans la boutique de développement",
    close: "Fermer",
    saveBar: { message: "Modifications non enregistrées", save: "Enregistrer", discard: "Ignorer" },
    leave: {
      title: "Quitter la page avec des modifications non enregistrées ?",
      body: "Si vous quittez cette page, toutes les modifications non enregistrées seront perdues.",
      stay: "Rester",
      leave: "Quitter la page",
    },
    discardDialog: {
      title: "Ignorer toutes les modifications non enregistrées ?",
      body: "Si vous ignorez les modifications, vous supprimerez toutes celles apportées depuis le dernier enregistrement.",
      cancel: "Continuer la modification",
      discard: "Ignorer les modifications",
    },
  },
  en: {
    items: [
      ["home", "Home"],
      ["orders", "Orders"],
      ["products", "Products"],
      ["customers", "Customers"],
      ["content", "Content"],
      ["analytics", "Analytics"],
      ["marketing", "Marketing"],
      ["discounts", "Discounts"],
    ],
    salesChannels: "Sales channels",
    onlineStore: "Online Store",
    apps: "Apps",
    settings: "Settings",
    search: "Search",
    unavailable: "Not available in the development store",
    close: "Close",
    saveBar: { message: "Unsaved changes", save: "Save", discard: "Discard" },
    leave: {
      title: "Leave page with unsaved changes?",
      body: "Leaving this page will delete all unsaved changes.",
      stay: "Stay",
      leave: "Leave page",
    },
    discardDialog: {
      title: "Discard all unsaved changes?",
      body: "If you discard changes, you’ll delete any edits you made since you last saved.",
      cancel: "Continue editing",
      discard: "Discard changes",
    },
  },
};

const STYLES = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:-apple-system,BlinkMacSystemFont,"San Francisco","Segoe UI",Roboto,"Helvetica Neue",sans-serif;font-size:13px;color:#303030;background:#f1f1f1}
.topbar{height:56px;background:#1a1a1a;color:#e3e3e3;display:flex;align-items:center;gap:16px;padding:0 16px}
.topbar .logo{width:28px;height:28px;border-radius:8px;background:#4a8c5a;display:grid;place-items:center;color:#fff;font-weight:700}
.topbar .shop{font-weight:600;color:#fff}
.topbar .badge{font-size:12px;padding:2px 8px;border-radius:8px;background:#3a3a3a;color:#f0c36d}
.topbar .search{flex:1;max-width:480px;margin:0 auto;height:32px;border-radius:8px;background:#303030;border:1px solid #4a4a4a;color:#8a8a8a;display:flex;align-items:center;padding:0 12px}
.topbar .user{display:flex;align-items:center;gap:8px}
.topbar .avatar{width:28px;height:28px;border-radius:8px;background:#c9a46b;color:#1a1a1a;display:grid;place-items:center;font-weight:600;font-size:12px}
.layout{display:flex;height:calc(100% - 56px)}
.sidebar{width:240px;flex:none;background:#ebebeb;border-right:1px solid #e3e3e3;padding:12px 8px;display:flex;flex-direction:column;overflow:auto}
.sidebar ul{list-style:none;margin:0;padding:0}
.sidebar li>a,.sidebar li>span{display:flex;align-items:center;gap:8px;padding:6px 8px;border-radius:8px;color:#303030;text-decoration:none;font-weight:550}
.sidebar svg{width:18px;height:18px;fill:none;stroke:currentColor;stroke-width:1.5;stroke-linecap:round;stroke-linejoin:round;flex:none}
.sidebar .inert>span{color:#8a8a8a;cursor:not-allowed}
.sidebar .heading{margin:16px 8px 4px;font-size:12px;color:#616161;font-weight:600;display:flex;align-items:center;gap:6px}
.sidebar .heading svg{width:14px;height:14px}
.sidebar .app>a{background:#fafafa}
.sidebar .app.current>a{background:#fff;box-shadow:0 1px 0 #e3e3e3}
.sidebar .app-icon{width:18px;height:18px;border-radius:5px;background:linear-gradient(135deg,#f3b562,#d0704b);flex:none}
.sidebar .subnav a{padding:5px 8px 5px 34px;font-weight:450}
.sidebar .subnav a:hover,.sidebar li>a:hover{background:#f7f7f7}
.sidebar .subnav a.active{background:#fff;font-weight:600;box-shadow:0 1px 0 #e3e3e3}
.sidebar .spacer{flex:1}
main{flex:1;min-width:0;display:flex;flex-direction:column;padding:16px 24px 24px}
.titlebar{display:flex;align-items:center;gap:10px;margin:0 0 12px;min-height:32px}
.titlebar .app-icon{width:24px;height:24px;border-radius:6px;background:linear-gradient(135deg,#f3b562,#d0704b)}
.titlebar h1{font-size:20px;font-weight:650;margin:0}
.titlebar .crumb{color:#616161;font-size:14px}
.frame-card{flex:1;position:relative;background:#fff;border:1px solid #e3e3e3;border-radius:12px;overflow:hidden}
.frame-card iframe{border:0;width:100%;height:100%;display:block;background:#f1f1f1}
.loading{position:absolute;top:0;left:0;height:3px;width:0;background:#4a8c5a;transition:width 1.5s ease-out,opacity .3s}
.loading.on{width:85%}
.loading.off{opacity:0}
#toasts{position:fixed;left:50%;bottom:24px;transform:translateX(-50%);display:flex;flex-direction:column;gap:8px;align-items:center;z-index:10}
.toast{background:#303030;color:#fff;padding:10px 16px;border-radius:10px;box-shadow:0 4px 12px rgba(0,0,0,.2);font-size:13px;display:flex;gap:12px;align-items:center}
.toast.error{background:#8e1f0b}
.toast button{background:none;border:0;color:inherit;cursor:pointer;font-size:15px;line-height:1}
.topbar{position:relative}
.save-bar{position:absolute;inset:0;background:#1a1a1a;display:flex;align-items:center;gap:8px;padding:0 16px;z-index:5}
.save-bar[hidden]{display:none}
.save-bar .message{flex:1;display:flex;align-items:center;gap:8px;color:#fff;font-weight:600;font-size:14px}
.save-bar .message::before{content:"";width:8px;height:8px;border-radius:50%;background:#f0c36d}
.save-bar button,.dialog-actions button{height:30px;padding:0 12px;border-radius:8px;font:inherit;font-weight:600;cursor:pointer;border:1px solid transparent}
.save-bar button[disabled],.dialog-actions button[disabled]{opacity:.55;cursor:default}
.save-bar .discard{background:#3a3a3a;color:#fff;border-color:#4a4a4a}
.save-bar .save{background:#fff;color:#1a1a1a}
.save-bar button[aria-busy="true"]{opacity:.7}
dialog.confirm{border:0;border-radius:12px;padding:0;width:min(520px,calc(100vw - 32px));box-shadow:0 20px 40px rgba(0,0,0,.3);color:#303030}
dialog.confirm::backdrop{background:rgba(0,0,0,.5)}
dialog.confirm h2{margin:0;padding:16px;font-size:14px;font-weight:650;border-bottom:1px solid #e3e3e3;background:#f7f7f7}
dialog.confirm p{margin:0;padding:16px;font-size:13px}
.dialog-actions{display:flex;justify-content:flex-end;gap:8px;padding:12px 16px;border-top:1px solid #e3e3e3}
.dialog-actions .secondary{background:#fff;border-color:#c9c9c9;color:#303030}
.dialog-actions .critical{background:#c70a24;color:#fff}
/* Phones: like Shopify's admin, the sidebar leaves the screen to the app (its menu button is not simulated). */
@media (max-width:767px){.sidebar,.topbar .search,.topbar .user,.topbar .badge{display:none}main{padding:8px}.titlebar{margin-bottom:8px}.frame-card{border-radius:0;border-left:0;border-right:0}}
`;

export interface AdminPageOptions {
  appPath: string;
  locale: string;
}

export function renderAdminPage(store: DevStoreContext, { appPath, locale }: AdminPageOptions): Response {
  const shop = store.state.shop;
  const user = store.state.staffUser;
  const frameUrl = embeddedAppUrl(store, appPath, locale, mintSessionToken(store));
  const appOrigin = new URL(store.app.appUrl).origin;
  const initials = `${user.firstName[0] ?? ""}${user.lastName[0] ?? ""}`.toUpperCase();
  const adminBase = `/store/${store.storeHandle}/apps/${store.app.handle}`;
  const labels = locale.toLowerCase().startsWith("fr") ? LABELS.fr : LABELS.en;
  const boot = {
    appOrigin,
    appTitle: store.app.title,
    adminBase,
    locale,
    initialPath: appPath,
    closeLabel: labels.close,
  };
  const dialog = (id: string, text: { title: string; body: string }, cancel: string, confirm: string) =>
    `<dialog class="confirm" id="${id}" aria-labelledby="${id}-title"><h2 id="${id}-title">${escapeHtml(text.title)}</h2><p>${escapeHtml(text.body)}</p>` +
    `<div class="dialog-actions"><button type="button" class="secondary" value="cancel">${escapeHtml(cancel)}</button><button type="button" class="critical" value="confirm">${escapeHtml(confirm)}</button></div></dialog>`;
  const inert = labels.items
    .map(
      ([name, label]) =>
        `<li class="inert"><span title="${escapeHtml(labels.unavailable)}">${icon(name)}${escapeHtml(label)}</span></li>`,
    )
    .join("");
  const html = `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(store.app.title)} · ${escapeHtml(shop.name)} · Shopify (dev store)</title>
<style>${STYLES}</style>
</head>
<body>
<header class="topbar">
  <div class="logo">S</div>
  <span class="shop">${escapeHtml(shop.name)}</span>
  <span class="badge">Development store — offline</span>
  <div class="search">${escapeHtml(labels.search)}</div>
  <div class="user"><span>${escapeHtml(`${user.firstName} ${user.lastName}`)}</span><span class="avatar">${escapeHtml(initials)}</span></div>
  <div class="save-bar" id="save-bar" role="region" aria-label="${escapeHtml(labels.saveBar.message)}" hidden>
    <span class="message">${escapeHtml(labels.saveBar.message)}</span>
    <button type="button" class="discard" id="save-bar-discard">${escapeHtml(labels.saveBar.discard)}</button>
    <button type="button" class="save" id="save-bar-save">${escapeHtml(labels.saveBar.save)}</button>
  </div>
</header>
<div class="layout">
  <nav class="sidebar" aria-label="Shopify admin">
    <ul>${inert}</ul>
    <div class="heading">${escapeHtml(labels.salesChannels)}</div>
    <ul><li class="inert"><span title="${escapeHtml(labels.unavailable)}">${icon("store")}${escapeHtml(labels.onlineStore)}</span></li></ul>
    <div class="heading">${icon("apps")}${escapeHtml(labels.apps)} ›</div>
    <ul>
      <li class="app current"><a href="${escapeHtml(adminBase)}/app" id="app-home"><span class="app-icon"></span>${escapeHtml(store.app.title)}</a>
        <ul class="subnav" id="app-nav"></ul>
      </li>
    </ul>
    <div class="spacer"></div>
    <ul><li class="inert"><span title="${escapeHtml(labels.unavailable)}">${icon("settings")}${escapeHtml(labels.settings)}</span></li></ul>
  </nav>
  <main>
    <div class="titlebar"><span class="app-icon"></span><span class="crumb" id="crumb" hidden>${escapeHtml(store.app.title)} ›</span><h1 id="title">${escapeHtml(store.app.title)}</h1></div>
    <div class="frame-card">
      <div class="loading off" id="loading"></div>
      <iframe id="app-frame" title="${escapeHtml(store.app.title)}" src="${escapeHtml(frameUrl)}" allow="clipboard-write"></iframe>
    </div>
  </main>
</div>
<div id="toasts" role="status" aria-live="polite"></div>
${dialog("leave-dialog", labels.leave, labels.leave.stay, labels.leave.leave)}
${dialog("discard-dialog", labels.discardDialog, labels.discardDialog.cancel, labels.discardDialog.discard)}
<script>window.__DEV_STORE__=${JSON.stringify(boot).replace(/</g, "\\u003c")};</script>
<script>${ADMIN_CLIENT_SCRIPT}</script>
</body>
</html>`;
  return htmlResponse(html, 200, { "Cache-Control": "no-store" });
}

/** Runs in the admin page. */
const ADMIN_CLIENT_SCRIPT = `
(function () {
  "use strict";
  var boot = window.__DEV_STORE__;
  var PREFIX = "rassure-dev:";
  var frame = document.getElementById("app-frame");
  var nav = document.getElementById("app-nav");
  var title = document.getElementById("title");
  var crumb = document.getElementById("crumb");
  var loading = document.getElementById("loading");
  var toasts = document.getElementById("toasts");
  var items = [];
  var currentPath = boot.initialPath;
  var toastTimers = {};
  var saveBars = {};
  var saveBarNode = document.getElementById("save-bar");
  var saveButton = document.getElementById("save-bar-save");
  var discardButton = document.getElementById("save-bar-discard");

  function send(name, data) {
    var message = Object.assign({ type: PREFIX + name }, data || {});
    if (frame.contentWindow) frame.contentWindow.postMessage(message, boot.appOrigin);
  }

  function pathOnly(href) {
    try { return new URL(href, "http://x").pathname; } catch (e) { return href; }
  }

  function isActive(item) {
    var current = pathOnly(currentPath);
    var target = pathOnly(item.href);
    if (item.rel === "home") return current === target;
    return current === target || current.indexOf(target + "/") === 0;
  }

  function renderNav() {
    nav.textContent = "";
    items.filter(function (item) { return item.rel !== "home"; }).forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = boot.adminBase + pathOnly(item.href);
      a.textContent = item.text;
      if (isActive(item)) a.className = "active";
      a.addEventListener("click", function (event) {
        event.preventDefault();
        navigateApp(item.href);
      });
      li.appendChild(a);
      nav.appendChild(li);
    });
  }

  document.getElementById("app-home").addEventListener("click", function (event) {
    event.preventDefault();
    var home = items.filter(function (item) { return item.rel === "home"; })[0];
    navigateApp(home ? home.href : "/app");
  });

  /* A dialog of the admin: resolves true when the merchant confirms, false when they cancel. */
  function ask(id) {
    var dialog = document.getElementById(id);
    return new Promise(function (resolve) {
      function done(value) {
        dialog.removeEventListener("cancel", onCancel);
        dialog.querySelectorAll("button").forEach(function (button) { button.onclick = null; });
        if (dialog.open) dialog.close();
        resolve(value);
      }
      function onCancel(event) { event.preventDefault(); done(false); }
      dialog.addEventListener("cancel", onCancel);
      dialog.querySelectorAll("button").forEach(function (button) {
        button.onclick = function () { done(button.value === "confirm"); };
      });
      dialog.showModal();
    });
  }

  function visibleSaveBar() {
    for (var id in saveBars) if (saveBars[id].visible) return saveBars[id];
    return null;
  }

  /* The admin's own navigation: while a save bar shows, the merchant confirms leaving first. */
  function navigateApp(href) {
    if (!visibleSaveBar()) return send("navigate", { href: href });
    ask("leave-dialog").then(function (leave) {
      if (!leave) return;
      saveBars = {};
      renderSaveBar();
      send("navigate", { href: href, leaveConfirmed: true });
    });
  }

  function applyButton(button, state) {
    button.disabled = Boolean(state && state.disabled);
    button.setAttribute("aria-busy", state && state.loading ? "true" : "false");
  }

  function renderSaveBar() {
    var bar = visibleSaveBar();
    saveBarNode.hidden = !bar;
    if (!bar) return;
    applyButton(saveButton, bar.save);
    applyButton(discardButton, bar.discard);
  }

  // A new document in the frame starts clean: the bars of the page it replaced are gone.
  frame.addEventListener("load", function () {
    saveBars = {};
    renderSaveBar();
  });

  saveButton.addEventListener("click", function () {
    var bar = visibleSaveBar();
    if (bar) send("save-bar-action", { id: bar.id, action: "save" });
  });
  discardButton.addEventListener("click", function () {
    var bar = visibleSaveBar();
    if (!bar) return;
    (bar.discardConfirmation ? ask("discard-dialog") : Promise.resolve(true)).then(function (discard) {
      if (discard) send("save-bar-action", { id: bar.id, action: "discard" });
    });
  });

  function showToast(data) {
    var node = document.createElement("div");
    node.className = "toast" + (data.isError ? " error" : "");
    node.dataset.id = data.id;
    var text = document.createElement("span");
    text.textContent = data.message;
    var close = document.createElement("button");
    close.type = "button";
    close.setAttribute("aria-label", boot.closeLabel);
    close.textContent = "×";
    close.addEventListener("click", function () { hideToast(data.id); });
    node.appendChild(text);
    node.appendChild(close);
    toasts.appendChild(node);
    toastTimers[data.id] = setTimeout(function () { hideToast(data.id); }, data.duration || 5000);
  }

  function hideToast(id) {
    clearTimeout(toastTimers[id]);
    delete toastTimers[id];
    var node = toasts.querySelector('[data-id="' + String(id).replace(/"/g, "") + '"]');
    if (node) node.remove();
  }

  function setLoading(on) {
    loading.className = "loading " + (on ? "on" : "off");
  }

  function updateLocation(path) {
    currentPath = path;
    var url = new URL(location.href);
    var next;
    if (url.pathname === "/admin") {
      url.searchParams.set("path", path);
      next = url.pathname + url.search;
    } else {
      var target = new URL(path, "http://x");
      var search = new URLSearchParams(target.search);
      if (url.searchParams.get("locale")) search.set("locale", url.searchParams.get("locale"));
      var query = search.toString();
      next = boot.adminBase + target.pathname + (query ? "?" + query : "");
    }
    history.replaceState(null, "", next);
    renderNav();
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== boot.appOrigin) return;
    var data = event.data;
    if (!data || typeof data.type !== "string" || data.type.indexOf(PREFIX) !== 0) return;
    switch (data.type.slice(PREFIX.length)) {
      case "id-token-request":
        fetch("/_dev/session-token", { cache: "no-store" })
          .then(function (response) { return response.json(); })
          .then(function (body) { send("id-token", { requestId: data.requestId, token: body.token }); });
        break;
      case "nav-menu":
        items = Array.isArray(data.items) ? data.items : [];
        renderNav();
        break;
      case "title":
        title.textContent = data.title || boot.appTitle;
        crumb.hidden = !data.title || data.title === boot.appTitle;
        document.title = (data.title ? data.title + " · " : "") + boot.appTitle + " · Shopify (dev store)";
        break;
      case "toast":
        showToast(data);
        break;
      case "toast-hide":
        hideToast(data.id);
        break;
      case "loading":
        setLoading(Boolean(data.loading));
        break;
      case "location":
        if (typeof data.path === "string") updateLocation(data.path);
        break;
      case "save-bar":
        if (typeof data.id !== "string") break;
        if (data.visible) saveBars[data.id] = data;
        else delete saveBars[data.id];
        renderSaveBar();
        break;
      case "leave-confirmation":
        ask("leave-dialog").then(function (leave) {
          if (!leave) return;
          saveBars = {};
          renderSaveBar();
          send("leave-confirmed", { requestId: data.requestId });
        });
        break;
      default:
        break;
    }
  });
})();
`;
