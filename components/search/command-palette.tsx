"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SearchKind } from "@/lib/search/schemas";

type Hit = { kind: SearchKind; id: string; title: string; detail: string | null; href: string };
type Group = { kind: SearchKind; hits: Hit[] };
type State =
  | { phase: "idle" }
  | { phase: "loading" }
  | { phase: "done"; q: string; groups: Group[] }
  | { phase: "error"; message: string };

const DEBOUNCE_MS = 200;
const MIN_LENGTH = 2;

// The shortcut as the keyboard labels it: ⌘K on Apple devices, Ctrl K elsewhere. The server (and the
// hydrating render) says Ctrl K; a Mac's browser switches to ⌘K right after, without a mismatch.
const noSubscribe = () => () => {};
const onApple = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const onServer = () => false;

/**
 * The staff command palette (⌘K / Ctrl+K, or the header button): a modal dialog with a combobox over
 * the agency's records. Focus stays in the input; ↑↓ move the active option (aria-activedescendant),
 * Enter opens it, Esc closes. The modal <dialog> makes the page behind it inert (the focus trap).
 */
export function CommandPalette({ searchUrl }: { searchUrl: string }) {
  const { t } = useTranslation("common");
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [state, setState] = useState<State>({ phase: "idle" });
  const [active, setActive] = useState(0);
  const apple = useSyncExternalStore(noSubscribe, onApple, onServer);
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  const open = useCallback(() => {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);
  const close = useCallback(() => dialogRef.current?.close(), []);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  const trimmed = query.trim();
  useEffect(() => {
    if (trimmed.length < MIN_LENGTH) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState({ phase: "loading" });
      try {
        const response = await fetch(`${searchUrl}?q=${encodeURIComponent(trimmed)}`, { signal: controller.signal, headers: { accept: "application/json" } });
        const body = (await response.json()) as { groups?: Group[]; message?: string };
        if (!response.ok || !body.groups) setState({ phase: "error", message: body.message ?? t("search.failed") });
        else setState({ phase: "done", q: trimmed, groups: body.groups });
        setActive(0);
      } catch {
        if (!controller.signal.aborted) setState({ phase: "error", message: t("search.failed") });
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [trimmed, searchUrl, t]);

  const shown = trimmed.length >= MIN_LENGTH ? state : ({ phase: "idle" } as State);
  const hits = shown.phase === "done" ? shown.groups.flatMap((g) => g.hits) : [];

  const go = (hit: Hit | undefined) => {
    if (!hit) return;
    close();
    router.push(hit.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (hits.length) setActive((i) => (i + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      go(hits[active]);
    }
  };

  let index = -1;
  const status =
    shown.phase === "idle" ? t("search.hintMinLength", { count: MIN_LENGTH })
    : shown.phase === "loading" ? t("search.loading")
    : shown.phase === "error" ? shown.message
    : hits.length === 0 ? t("search.nothingFound", { q: shown.q })
    : t("search.found", { count: hits.length });

  return (
    <>
      <button
        type="button"
        onClick={open}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="flex items-center gap-2 rounded-md px-2.5 py-1.5 text-sm text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current"><path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65a.75.75 0 1 1-1.06 1.06l-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" /></svg>
        <span>{t("search.button")}</span>
        <kbd className="hidden rounded bg-slate-100 px-1.5 text-xs font-sans text-slate-600 sm:inline">{apple ? "⌘K" : "Ctrl K"}</kbd>
      </button>
      <dialog
        ref={dialogRef}
        aria-label={t("search.label")}
        onClose={() => setQuery("")}
        onClick={(event) => { if (event.target === dialogRef.current) close(); }}
        className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-2rem))] rounded-xl bg-white p-0 shadow-2xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <div className="flex items-center gap-2 border-b border-slate-200 px-4">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 shrink-0 fill-slate-400"><path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65a.75.75 0 1 1-1.06 1.06l-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" /></svg>
          <input
            ref={inputRef}
            type="text"
            role="combobox"
            aria-label={t("search.label")}
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={hits.length ? optionId(active) : undefined}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t("search.placeholder")}
            className="min-w-0 flex-1 border-0 bg-transparent py-3.5 text-base text-slate-900 placeholder:text-slate-400 focus:outline-none focus:ring-0"
          />
          <button type="button" onClick={close} className="rounded px-2 py-1 text-xs font-medium text-slate-500 ring-1 ring-slate-200 hover:bg-slate-50">
            {t("search.close")}
          </button>
        </div>
        <div id={listId} role="listbox" aria-label={t("search.results")} className="max-h-[60vh] overflow-y-auto py-2">
          {shown.phase === "done" &&
            shown.groups.map((group) => (
              <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`}>
                <p id={`${id}-${group.kind}`} className="px-4 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {t(`search.kinds.${group.kind}`, { count: group.hits.length })}
                </p>
                {group.hits.map((hit) => {
                  index += 1;
                  const i = index;
                  const selected = i === active;
                  return (
                    <div
                      key={hit.id}
                      id={optionId(i)}
                      role="option"
                      aria-selected={selected}
                      onMouseMove={() => setActive(i)}
                      onClick={() => go(hit)}
                      className={`mx-2 flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 text-sm ${selected ? "bg-indigo-600 text-white" : "text-slate-800"}`}
                    >
                      <span className="truncate font-medium">{hit.title}</span>
                      {hit.detail ? <span className={`truncate text-xs ${selected ? "text-indigo-100" : "text-slate-500"}`}>{hit.detail}</span> : null}
                    </div>
                  );
                })}
              </div>
            ))}
        </div>
        <p role="status" aria-live="polite" className="border-t border-slate-100 px-4 py-2.5 text-sm text-slate-600">{status}</p>
        <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">{t("search.keys", { move: "↑ ↓", open: "Enter", close: "Esc" })}</p>
      </dialog>
    </>
  );
}
