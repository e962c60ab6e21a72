import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/get-dmmf";
import { describe, expect, it } from "vitest";
import { tenantOwnedModels } from "@/lib/db/tenant-client";

// The scoping wall must know every tenant-owned model: a model with `tenantId` missing from the
// list would be unreachable (safe), but one listed without `tenantId` would break queries, and a new
// table must be a deliberate decision. This test makes adding a model without updating the list fail.
describe("tenant-owned models", () => {
  it("are exactly the models with a tenantId column", () => {
    const dmmf = getDMMF({ datamodel: readFileSync("prisma/schema.prisma", "utf8") });
    if (!("datamodel" in dmmf)) throw new Error("schema.prisma does not parse");
    const withTenant = dmmf.datamodel.models.filter((m) => m.fields.some((f) => f.name === "tenantId")).map((m) => m.name);
    expect([...tenantOwnedModels].sort()).toEqual(withTenant.sort());
  });
});
