// The conversion API (docs/conversion-api.md, public/openapi.yaml). Thin: all rules live in lib/conversions.
import { handleEventsRequest, methodNotAllowed } from "@/lib/conversions/handle-events-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = handleEventsRequest;
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
