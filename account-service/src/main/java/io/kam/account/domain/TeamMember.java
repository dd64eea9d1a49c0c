package io.kam.account.domain;

/** One member of the account team on our side, e.g. EXECUTIVE_SPONSOR or SOLUTION_ENGINEER. */
public record TeamMember(String userId, String role) {}
