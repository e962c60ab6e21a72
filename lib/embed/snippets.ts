import { assertCan } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/auth/contexts/tenant";

/** The tag that embeds the board (no program) or a program's application form (public/embed.js). */
export function embedSnippet(appUrl: string, slug: string, programId?: string): string {
  const program = programId ? ` data-program="${programId}"` : "";
  return `<script src="${appUrl.replace(/\/+$/, "")}/embed.js" data-tenant="${slug}"${program} async></script>`;
}

/** Settings → Embedding: the board's snippet and one per open program (only those take applications). */
export async function embedSnippets(ctx: TenantContext, appUrl: string) {
  assertCan(ctx, "settings:read");
  const programs = await ctx.db.program.findMany({
    where: { access: "open", archivedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
  return {
    board: embedSnippet(appUrl, ctx.slug),
    programs: programs.map((p) => ({ id: p.id, name: p.name, snippet: embedSnippet(appUrl, ctx.slug, p.id) })),
  };
}
