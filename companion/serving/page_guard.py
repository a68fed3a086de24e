"""The script every page carries that says when the page has lost its server (issue 14).

A Voilà page talks to its kernel over one websocket. When the kernel dies or the server stops,
stock Voilà keeps showing the page as it was: a green « enregistré » from before, buttons that
do nothing. The script below watches the page's kernel websockets (it wraps ``WebSocket``
before Voilà's code opens any) and, when none has been open for :data:`GRACE_MS`, or when the
server says the kernel restarted or died, shows a French banner with a reload button, hides
the success messages the page showed before (``cp-message-succes``) and leaves the fields as
they are, so that a text being typed can still be copied. A connection that comes back (Wi-Fi,
a laptop lid) hides the banner again. It also puts Voilà's loading text in French, and carries
the page's phone-first rules (44-pixel touch targets, labels never cut, fields the width of a
phone's screen), and lets a page reached from the join page follow the trainer (``_FOLLOW``).

It also checks the size of the files a visitor picks before they are sent (issue 14, item 6).
ipywidgets' ``FileUpload`` sends every picked file in one websocket message; a message over
the page's limit (:func:`companion.serving.server.message_limit`: large on upload pages, small
elsewhere) makes the server close the websocket, and the page dies without a word. The guard
knows each page's limit (:func:`connection_guard_html`'s ``limits``), and when the picked files
are larger it stops the ``change`` event before the widget reads them and shows a French
message (``role="alert"``) naming the files and the limit. ipywidgets 8 never attaches its file
input to the document, so a listener on the document would not see the event: the guard wraps
the ``change`` listeners of file inputs instead (and also listens on the document, in the
capture phase, for the file inputs that are in it). The server's limit stays the backstop.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from companion.texts import room as tx

GRACE_MS = 3000
"""A dropped websocket that reconnects within this delay (Jupyter retries at once) is not
reported."""

_SCRIPT = """
<style>
#cp-connection{position:fixed;top:0;left:0;right:0;z-index:10000;margin:0;padding:12px 16px;
background:#8a1c1c;color:#fff;font-size:18px;line-height:1.4;box-shadow:0 2px 8px #0006}
#cp-connection p{margin:0 0 8px 0}
#cp-connection button{min-height:44px;min-width:44px;padding:8px 16px;font-size:18px;
border:2px solid #fff;border-radius:6px;background:#fff;color:#8a1c1c;cursor:pointer}
body.cp-lost .cp-message-succes{display:none}
#cp-upload-refused{margin:8px 0;padding:10px 14px;border-left:6px solid #8a1c1c;
background:#fbeaea;color:#1d1d1b;font-size:16px;line-height:1.4;max-width:60em}
#cp-upload-refused.cp-floating{position:fixed;bottom:12px;left:12px;right:12px;z-index:9999}
/* phone first (issue 11): 44 px touch targets, 16 px fields (no zoom on focus), labels whole */
.jupyter-widgets.jupyter-button,.jupyter-widgets .jupyter-button,.widget-toggle-button{
min-height:44px;min-width:44px}
.widget-text input,.widget-textarea textarea,.widget-dropdown select,.widget-password input{
min-height:44px;font-size:16px;box-sizing:border-box}
.widget-textarea{height:auto !important}
.widget-inline-hbox .widget-label{white-space:normal;overflow:visible;text-overflow:clip;
height:auto;line-height:1.25}
.widget-inline-hbox{height:auto;min-height:var(--jp-widgets-inline-height)}
.lm-TabBar-tab .lm-TabBar-tabLabel{color:#1d1d1b}
details > summary{cursor:pointer;min-height:44px;display:flex;align-items:center;
font-weight:bold;color:#005a9c}
@media (max-width:700px){
#rendered_cells > div{padding:4px 8px !important}
.jp-RenderedHTMLCommon h1{font-size:1.45em;margin:.3em 0}
.jp-RenderedHTMLCommon h2{font-size:1.2em;margin:.3em 0}
.jp-RenderedHTMLCommon p{margin:.3em 0}
.jp-RenderedHTMLCommon details.cp-for-trainer,.jp-MarkdownCell h2{display:none}
.cp-home > .cp-programme{order:5}
.cp-home > .cp-join{order:4}
.cp-home > .cp-trainer,.cp-home > .widget-hbox{order:6}
.jp-Cell{padding:0 !important}
.jp-RenderedHTMLCommon{font-size:16px}
.widget-hbox,.widget-inline-hbox{flex-wrap:wrap}
.widget-inline-hbox .widget-label{width:100% !important;max-width:100% !important;
text-align:left;margin-bottom:4px}
.widget-text,.widget-textarea,.widget-dropdown,.widget-password,.widget-box{
max-width:100% !important}
.widget-text,.widget-textarea,.widget-dropdown{width:100% !important}
}
</style>
<script>
(function () {
  var TEXT = __TEXT__, GRACE_MS = __GRACE__;
  var Native = window.WebSocket;
  if (!Native || Native.cpGuarded) { return; }
  var live = 0, seen = false, ended = false, timer = null;
  var ENDED = /"execution_state"\\s*:\\s*"(dead|restarting)"/;
  var CHANNELS = /\\/api\\/kernels\\/[^\\/]+\\/channels/;
  function banner() {
    var box = document.getElementById("cp-connection");
    if (box) { return box; }
    box = document.createElement("div");
    box.id = "cp-connection";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = TEXT.reload;
    button.addEventListener("click", function () { window.location.reload(); });
    box.appendChild(text);
    box.appendChild(button);
    document.body.appendChild(box);
    return box;
  }
  function show(message) {
    var box = banner();
    box.firstChild.textContent = message;
    box.hidden = false;
    document.body.classList.add("cp-lost");
  }
  function hide() {
    if (ended) { return; }
    var box = document.getElementById("cp-connection");
    if (box) { box.hidden = true; }
    document.body.classList.remove("cp-lost");
  }
  function check() {
    timer = null;
    if (seen && live === 0) { show(TEXT.lost); }
  }
  function read(data) {
    if (typeof data === "string") { return data; }
    if (data && data.byteLength !== undefined && data.byteLength < 65536) {
      return new TextDecoder().decode(data);
    }
    return "";
  }
  function Guarded(url, protocols) {
    var socket = protocols === undefined ? new Native(url) : new Native(url, protocols);
    if (CHANNELS.test(String(url))) {
      socket.addEventListener("open", function () { live += 1; seen = true; hide(); });
      socket.addEventListener("close", function () {
        live = Math.max(0, live - 1);
        if (timer === null) { timer = window.setTimeout(check, GRACE_MS); }
      });
      socket.addEventListener("message", function (event) {
        var text = read(event.data);
        if (text.indexOf("execution_state") !== -1 && ENDED.test(text)) {
          ended = true;
          show(TEXT.restarted);
        }
      });
    }
    return socket;
  }
  Guarded.prototype = Native.prototype;
  ["CONNECTING", "OPEN", "CLOSING", "CLOSED"].forEach(function (name) {
    Guarded[name] = Native[name];
  });
  Guarded.cpGuarded = true;
  window.WebSocket = Guarded;
  // Voila's loading text is English ("Running 00_accueil...", "Executing 1 of 5")
  window.voila_process = function (index, count) {
    var line = document.getElementById("loading_text");
    if (line) { line.textContent = TEXT.step.replace("{index}", index).replace("{count}", count); }
  };
  var first = document.getElementById("loading_text");
  if (first) { first.textContent = TEXT.loading; }
  // Files larger than the page's websocket limit are refused here, before they are sent.
  var LIMITS = __LIMITS__, lastUpload = null;
  function pageLimit() {
    var name = decodeURIComponent(window.location.pathname.split("/").pop() || "");
    return LIMITS.pages.hasOwnProperty(name) ? LIMITS.pages[name] : LIMITS.other;
  }
  function mo(bytes) {
    return TEXT.mo.replace("{value}", (bytes / 1048576).toFixed(1).replace(".", ","));
  }
  function refusedBox() {
    var box = document.getElementById("cp-upload-refused");
    if (!box) {
      box = document.createElement("p");
      box.id = "cp-upload-refused";
      box.setAttribute("role", "alert");
    }
    var anchor = lastUpload && lastUpload.isConnected && lastUpload.parentNode;
    if (anchor) {
      box.classList.remove("cp-floating");
      lastUpload.parentNode.insertBefore(box, lastUpload.nextSibling);
    } else if (!box.isConnected) {
      box.classList.add("cp-floating");
      document.body.appendChild(box);
    }
    return box;
  }
  function tooBig(input, event) {
    if (!input || input.tagName !== "INPUT" || input.type !== "file" || !input.files) {
      return false;
    }
    var limit = pageLimit(), total = LIMITS.overhead, names = [];
    for (var i = 0; i < input.files.length; i++) {
      total += input.files[i].size;
      names.push(TEXT.quoted.replace("{name}", input.files[i].name));
    }
    var old = document.getElementById("cp-upload-refused");
    if (total <= limit) {
      if (old) { old.hidden = true; }
      return false;
    }
    event.stopImmediatePropagation();
    event.preventDefault();
    var box = refusedBox();
    var message = TEXT.tooBig;
    if (names.length > 1) { message = TEXT.tooBigMany; }
    box.textContent = message.replace("{names}", names.join(", "))
      .replace("{size}", mo(total - LIMITS.overhead)).replace("{limit}", mo(limit));
    box.hidden = false;
    try { input.value = ""; } catch (ignored) { /* the same file can be picked again */ }
    return true;
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    var upload = target && target.closest ? target.closest(".widget-upload") : null;
    if (upload) { lastUpload = upload; }
  }, true);
  document.addEventListener("change", function (event) { tooBig(event.target, event); }, true);
  var nativeAdd = HTMLInputElement.prototype.addEventListener;
  HTMLInputElement.prototype.addEventListener = function (type, listener, options) {
    if (type === "change" && listener) {
      var original = listener;
      listener = function (event) {
        if (tooBig(this, event)) { return undefined; }
        return typeof original === "function" ? original.call(this, event)
          : original.handleEvent(event);
      };
    }
    return nativeAdd.call(this, type, listener, options);
  };
})();
</script>
"""


FOLLOW_EVERY_MS = 2000
"""How often a page reached from the join page checks whether the trainer opened another one."""

_FOLLOW = """
<script>
(function () {
  // A page opened from the join page (suivre=1) goes by itself to the activity the trainer
  // opens (its link carries data-follow), unless its visitor is typing: a field in focus, or
  // text typed and not sent yet. Pseudonym fields (cp-keep) stay filled and do not count.
  var EVERY_MS = __EVERY__, typed = [], leaving = false;
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && /^(TEXTAREA|INPUT)$/.test(field.tagName) && typed.indexOf(field) === -1) {
      typed.push(field);
    }
  }, true);
  function editing() {
    var active = document.activeElement;
    if (active && (active.tagName === "TEXTAREA" || (active.tagName === "INPUT" &&
        /^(text|search|number|email|tel|url|)$/.test(active.type)))) { return true; }
    return typed.some(function (field) {
      return field.isConnected && field.value.trim() !== "" && !field.closest(".cp-keep");
    });
  }
  window.setInterval(function () {
    var link = document.querySelector("a.cp-activity-go[data-follow]");
    if (leaving || !link || editing() || document.body.classList.contains("cp-lost")) {
      return;
    }
    leaving = true;
    window.location.assign(link.href);
  }, EVERY_MS);
})();
</script>
"""

MESSAGE_OVERHEAD = 64 * 1024
"""Bytes of a websocket message besides the files' content (the widget's JSON header)."""


@dataclass(frozen=True)
class UploadLimits:
    """The largest websocket message of each page, as the server applies it."""

    other: int
    """Every page not in ``pages``."""
    pages: dict[str, int] = field(default_factory=dict)
    """Notebook file name → its limit (the pages that offer an upload)."""


def connection_guard_html(limits: UploadLimits | None = None) -> str:
    """Return the ``<style>`` and ``<script>`` of the lost-connection banner and loading text.

    The loading text is French; the fragment goes in the page's body after Voilà's helper
    functions. ``limits``: the message limit of each page, for the size check of picked
    files (none given: the server's own, :func:`server_limits`).
    """
    limits = limits or server_limits()
    texts = {"lost": tx.CONNECTION_LOST, "restarted": tx.PAGE_RESTARTED, "reload": tx.RELOAD,
             "loading": tx.PAGE_LOADING, "step": tx.PAGE_LOADING_STEP,
             "tooBig": tx.UPLOAD_TOO_BIG, "tooBigMany": tx.UPLOAD_TOO_BIG_MANY,
             "quoted": tx.UPLOAD_FILE_NAME, "mo": tx.UPLOAD_MEGABYTES}
    encoded = json.dumps(texts, ensure_ascii=True).replace("</", "<\\/")
    sizes = json.dumps({"other": limits.other, "pages": dict(sorted(limits.pages.items())),
                        "overhead": MESSAGE_OVERHEAD}, ensure_ascii=True).replace("</", "<\\/")
    guard = (_SCRIPT.replace("__TEXT__", encoded).replace("__GRACE__", str(GRACE_MS))
             .replace("__LIMITS__", sizes))
    return guard + _FOLLOW.replace("__EVERY__", str(FOLLOW_EVERY_MS))


def server_limits(upload_bytes: int | None = None) -> UploadLimits:
    """Return the message limits :mod:`companion.serving.server` applies to each page.

    ``upload_bytes``: the limit of upload pages (default: ``serve.UPLOAD_MESSAGE_BYTES``).
    """
    from companion.serving.serve import UPLOAD_MESSAGE_BYTES
    from companion.serving.server import PAGE_MESSAGE_BYTES, UPLOAD_NOTEBOOKS

    upload = UPLOAD_MESSAGE_BYTES if upload_bytes is None else upload_bytes
    return UploadLimits(other=PAGE_MESSAGE_BYTES,
                        pages=dict.fromkeys(UPLOAD_NOTEBOOKS, upload))
