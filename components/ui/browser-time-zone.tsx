"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";

/**
 * A hidden field with the browser's IANA zone ("Europe/Moscow"), proposed for a new agency. The
 * server renders it empty and the browser fills it after hydration (useSyncExternalStore's server
 * snapshot, so no mismatch); without JavaScript it stays empty and the server falls back to UTC.
 */
export function BrowserTimeZoneField({ name }: { name: string }) {
  const zone = useSyncExternalStore(never, browserZone, () => "");
  return <input type="hidden" name={name} value={zone} data-browser-time-zone="" />;
}
