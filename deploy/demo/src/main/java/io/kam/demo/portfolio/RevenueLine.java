package io.kam.demo.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One invoice line (or credit note, with a negative amount) of the ERP, naming the account by its
 * CRM key.
 */
public record RevenueLine(
    String source,
    String externalId,
    String accountSource,
    String accountExternalId,
    LocalDate date,
    String productLine,
    BigDecimal amount) {}
