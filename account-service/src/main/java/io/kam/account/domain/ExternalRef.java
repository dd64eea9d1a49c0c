package io.kam.account.domain;

/** A CRM's key of an account: unique among live accounts, compared exactly. */
public record ExternalRef(String source, String externalId) {}
