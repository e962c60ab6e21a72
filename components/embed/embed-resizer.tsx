"use client";
import { useEffect, useRef, type ReactNode } from "react";
import { EMBED_RESIZE_MESSAGE } from "@/lib/embed/messages";

/**
 * Inside an embedded page: tells the host page (public/embed.js) how tall the content is, so its
 * iframe grows and shrinks with it. It measures its own box, not the document (which is at least as
 * tall as the frame, so it could never shrink). Sent only to the origins the agency lists: the browser
 * drops a message whose target origin is not the parent's, so no other site learns anything.
 */
export function EmbedResizer({ origins, children }: { origins: string[]; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || window.parent === window || origins.length === 0) return;
    let last = 0;
    const send = () => {
      const height = Math.ceil(el.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      for (const origin of origins) window.parent.postMessage({ type: EMBED_RESIZE_MESSAGE, height }, origin);
    };
    send();
    const observer = new ResizeObserver(send);
    observer.observe(el);
    return () => observer.disconnect();
  }, [origins]);
  return <div ref={box} className="flow-root">{children}</div>;
}
