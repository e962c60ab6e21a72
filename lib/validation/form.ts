// Moved to @/lib/kernel/form (the shared kernel); this path stays for imports not yet updated.
export * from "@/lib/kernel/form";
