import { postgresLimiter } from "@/lib/db/rate-limit-store";

// The public application form writes to a tenant without any sign-in, so it is limited per client
// address (stored in PostgreSQL: shared by every app instance).
const perIp = postgresLimiter("partner-apply-ip", 10, 60 * 60);

export async function allowApplication(ip: string): Promise<boolean> {
  return (await perIp.consume(ip)).ok;
}
