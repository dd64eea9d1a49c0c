package io.kam.demo.portfolio;

import java.time.Instant;

/** A CSAT (1..5) or NPS (0..10) response, naming the account by its CRM key. */
public record SurveyResponse(
    String source,
    String externalId,
    String accountSource,
    String accountExternalId,
    String kind,
    int score,
    Instant respondedAt) {}
