package io.kam.kpi.domain.snapshot;

import io.kam.kpi.domain.calc.Freshness;
import io.kam.kpi.domain.calc.InputDates;
import io.kam.kpi.domain.calc.KpiSnapshotValues;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A snapshot as read through the API: the published one (with when it was published) or one
 * computed as of an earlier month (publishedAt null), with the freshness of its inputs.
 */
public record SnapshotReading(
    UUID accountId,
    YearMonth asOfMonth,
    KpiSnapshotValues values,
    InputDates inputs,
    Freshness freshness,
    Instant publishedAt) {}
