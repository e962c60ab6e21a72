// Moved to @/lib/kernel/fields (the shared kernel); this path stays for imports not yet updated.
export * from "@/lib/kernel/fields";
