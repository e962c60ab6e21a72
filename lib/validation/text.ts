// Moved to @/lib/kernel/text (the shared kernel); this path stays for imports not yet updated.
export * from "@/lib/kernel/text";
