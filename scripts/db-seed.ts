// npm run db:seed — loads the demo tenants into DATABASE_URL (does nothing if they exist).
import { createPrismaClient } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed";
import { loadDotEnv } from "./load-env";

async function main() {
  loadDotEnv();
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const prisma = createPrismaClient(url);
  try {
    const { tenantSlug, signIns } = await seedDemo(prisma);
    console.log(`Demo tenant "${tenantSlug}" is ready. Sign in with:`);
    for (const s of signIns) console.log(`  ${s.role.padEnd(8)} ${s.email.padEnd(26)} ${s.password}`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
