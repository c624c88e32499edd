import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/db/health";

const NO_STORE = { "Cache-Control": "no-store" };

// GET /api/health – readiness for operators and orchestrators: 200 when the database answers, 503 with the reason otherwise
export async function GET() {
  const database = await checkDatabase();
  if (database.ok) return NextResponse.json({ status: "ok", database: "ok" }, { headers: NO_STORE });
  return NextResponse.json({ status: "unavailable", database: "unavailable", reason: database.reason }, { status: 503, headers: NO_STORE });
}
