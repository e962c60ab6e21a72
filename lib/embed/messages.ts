// The one message an embedded page sends its host (public/embed.js reads the same literal).
export const EMBED_RESIZE_MESSAGE = "twoway:embed-resize";
