package io.kam.kpi.api;

import io.kam.kpi.domain.kpi.AccountKpiService;
import java.util.List;
import java.util.UUID;

/** GET /api/v1/accounts/{id}/kpis/timeseries. */
public record Timeseries(UUID accountId, String granularity, List<AccountKpiService.Point> items) {}
