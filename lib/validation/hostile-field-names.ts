// Moved to @/lib/kernel/hostile-field-names (the shared kernel); this path stays for imports not yet updated.
export * from "@/lib/kernel/hostile-field-names";
