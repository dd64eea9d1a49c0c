// What a frontend writes against the KAM API, type-checked against the types openapi-typescript
// generates from the gateway's merged document (TypeScriptClientIT). A field renamed or dropped in
// a response schema, or a response left untyped, fails `tsc --noEmit` and so the build.
import type { paths } from "./kam-api";

/** The JSON body of an operation's 200 answer. */
type Ok<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer T } } };
}
  ? T
  : never;

declare function getJson<T>(path: string): Promise<T>;

/** A typed value: `unknown` (an untyped schema) is refused where a concrete type is expected. */
function show(label: string, value: string | number | boolean | null | undefined): string {
  return `${label}: ${value ?? "-"}`;
}

// One list page: accounts with their score and KPIs in one call.
export async function accountListPage(period: string): Promise<string[]> {
  const page = await getJson<Ok<"/api/v1/accounts", "get">>(
    `/api/v1/accounts?mine=true&include=score,kpis&period=${period}&sort=name&limit=50`,
  );
  const rows = page.items.map((item) =>
    [
      show("id", item.id),
      show("name", item.name),
      show("owner", item.ownerId),
      show("score", item.score?.score),
      show("tier", item.score?.tier),
      show("risk", item.score?.defectionRisk),
      show("revenue", item.kpis?.revenue),
      show("t12m growth", item.kpis?.t12mGrowth),
      show("nps", item.kpis?.nps),
    ].join(", "),
  );
  for (const warning of page.warnings ?? []) {
    rows.push(show(warning.part, warning.detail));
  }
  rows.push(show("next", page.nextCursor));
  return rows;
}

// A score with its breakdown.
export async function scoreCard(accountId: string): Promise<string[]> {
  const s = await getJson<Ok<"/api/v1/accounts/{id}/score", "get">>(
    `/api/v1/accounts/${accountId}/score`,
  );
  return [
    show("score", s.score),
    show("tier", s.tier),
    show("type", s.type),
    show("computed", s.computedAt),
    ...(s.breakdown ?? []).map((b) => show(b.criterion ?? "?", b.contribution)),
  ];
}

// KPIs of an account for a period.
export async function kpiTable(accountId: string): Promise<string[]> {
  const k = await getJson<Ok<"/api/v1/accounts/{id}/kpis", "get">>(
    `/api/v1/accounts/${accountId}/kpis?period=2026-Q3`,
  );
  return [
    show("period", k.period),
    show("revenue", k.revenue),
    show("yoy", k.yoyGrowth),
    show("share of wallet", k.shareOfWallet),
    show("csat", k.csat),
  ];
}

// The plans of an account.
export async function planList(accountId: string): Promise<string[]> {
  const plans = await getJson<Ok<"/api/v1/plans", "get">>(`/api/v1/plans?accountId=${accountId}`);
  return (plans.items ?? []).map((p) =>
    [show("title", p.title), show("status", p.status), show("next review", p.nextReviewAt)].join(
      ", ",
    ),
  );
}

// One account at a glance.
export async function overview(accountId: string): Promise<string[]> {
  const o = await getJson<Ok<"/api/v1/accounts/{id}/overview", "get">>(
    `/api/v1/accounts/${accountId}/overview`,
  );
  return [
    show("name", o.account.name),
    show("tier", o.score?.tier),
    show("revenue", o.kpis?.revenue),
    show("plan", o.plan?.status),
    ...(o.plan?.objectives ?? []).map((obj) => show(obj.title ?? "?", obj.progress)),
    ...(o.plan?.overdueActions ?? []).map((a) => show(a.title ?? "?", a.dueDate)),
    ...o.warnings.map((w) => show(w.part, w.detail)),
  ];
}
