"use client";
import { useEffect } from "react";

/**
 * Marks `<html data-hydrated>` once React has hydrated the page. End-to-end tests wait for it before
 * typing into controlled fields or pressing buttons with client handlers: work done before hydration
 * can be overwritten by it (seen once in CI on the commission rule form).
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
