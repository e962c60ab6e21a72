/*
 * Twoway embed: shows an agency's opportunity board or a program's application form on the agency's
 * own site, in an iframe that grows with its content (docs/embedding.md).
 *
 *   <script src="https://YOUR-TWOWAY/embed.js" data-tenant="AGENCY" async></script>
 *   <script src="https://YOUR-TWOWAY/embed.js" data-tenant="AGENCY" data-program="PROGRAM-ID" async></script>
 *
 * Optional: data-locale="en" or "ru" (default: the visitor's browser language), data-height (initial
 * pixels, default 600), data-target="element-id" (default: right after this script), data-title.
 * The page inside the frame only shows for sites the agency lists under Settings → Workspace.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var tenant = script.getAttribute("data-tenant") || "";
  var program = script.getAttribute("data-program");
  var locale = script.getAttribute("data-locale");
  if (!/^[a-z0-9-]{1,64}$/.test(tenant) || (program !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(program))) {
    if (window.console) console.error("Twoway embed: check data-tenant and data-program");
    return;
  }
  if (locale !== "en" && locale !== "ru") locale = null;
  var lang = locale || ((navigator.language || "").toLowerCase().indexOf("ru") === 0 ? "ru" : "en");
  var titles = {
    en: { board: "Opportunity board", apply: "Application to the program" },
    ru: { board: "Доска предложений", apply: "Заявка на участие в программе" }
  };

  var frame = document.createElement("iframe");
  frame.src = origin + (locale ? "/" + locale : "") + "/embed/" + tenant + (program ? "/apply/" + program : "/board");
  frame.title = script.getAttribute("data-title") || titles[lang][program ? "apply" : "board"];
  var initial = parseInt(script.getAttribute("data-height") || "", 10);
  frame.style.cssText = "display:block;width:100%;max-width:100%;border:0;overflow:hidden;height:" + (initial > 0 ? initial : 600) + "px";
  frame.setAttribute("data-twoway-embed", program ? "apply" : "board");

  var targetId = script.getAttribute("data-target");
  var target = targetId ? document.getElementById(targetId) : null;
  if (target) target.appendChild(frame);
  else script.parentNode.insertBefore(frame, script.nextSibling);

  // Only this frame's page, from the Twoway origin the script came from, may resize it.
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== "twoway:embed-resize" || typeof data.height !== "number" || !isFinite(data.height)) return;
    frame.style.height = Math.max(100, Math.min(Math.round(data.height), 20000)) + "px";
  });
})();
