// Moved to @/lib/kernel/errors (the shared kernel); this path stays for imports not yet updated.
export * from "@/lib/kernel/errors";
