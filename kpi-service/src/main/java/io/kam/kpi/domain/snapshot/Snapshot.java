package io.kam.kpi.domain.snapshot;

import io.kam.kpi.domain.calc.InputDates;
import io.kam.kpi.domain.calc.KpiSnapshotValues;

/** What a snapshot event carries besides the account and month: the values and their freshness. */
public record Snapshot(KpiSnapshotValues values, InputDates inputs) {}
