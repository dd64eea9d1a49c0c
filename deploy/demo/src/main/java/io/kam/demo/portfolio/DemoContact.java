package io.kam.demo.portfolio;

/**
 * A stakeholder on the customer's side. {@code key} is unique within the account and {@code
 * reportsToKey} names an earlier contact of the same account (its org chart), or null; the loader
 * turns keys into the contact ids the API returns.
 */
public record DemoContact(
    String key,
    String name,
    String title,
    String email,
    String phone,
    String buyingRole,
    int influence,
    int relationshipStrength,
    String reportsToKey) {}
