import { headers } from "next/headers";

/**
 * A POST form submitted before React has hydrated it would go out as a no-JavaScript post, which
 * the server refuses (lib/http/inbound.ts, isNoScriptFormPost: «Для этой формы нужен JavaScript»),
 * and what the person typed is lost — on a slow phone the first tap can come that early. This
 * script (first in <body>, before any form) holds such a submit and sends it again, with the same
 * button, as soon as React owns the form (React sets its `__reactProps$…` key on a hydrated node).
 * GET forms (filters, search) work without JavaScript and are left alone. The form is posted as it is
 * (and the server says that JavaScript is needed) only when one of the page's scripts failed to load,
 * or after two minutes: a slow phone or a busy machine can take tens of seconds to hydrate, and
 * giving up after 20 s lost the input exactly there (CI, stop 22).
 */
const SCRIPT = `(function(){
var held=new WeakSet();var broken=false;
window.addEventListener("error",function(e){var t=e.target;if(t&&t.tagName==="SCRIPT")broken=true},true);
function live(f){var k=Object.keys(f);for(var i=0;i<k.length;i++){if(k[i].indexOf("__reactProps$")===0)return true}return false}
document.addEventListener("submit",function(e){
var f=e.target;if(!(f instanceof HTMLFormElement)||f.method!=="post"||live(f))return;
e.preventDefault();var s=e.submitter&&e.submitter.form===f?e.submitter:null;
if(held.has(f))return;held.add(f);
var n=0;var t=setInterval(function(){if(!f.isConnected){clearInterval(t);return}
if(broken||++n>2400){clearInterval(t);held.delete(f);HTMLFormElement.prototype.submit.call(f);return}
if(live(f)){clearInterval(t);held.delete(f);s?f.requestSubmit(s):f.requestSubmit()}},50)},true)})();`;

export async function FormSubmitGuard() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}
