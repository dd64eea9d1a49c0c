package io.kam.account.domain;

import io.kam.chassis.problem.Problem;
import io.kam.chassis.problem.ProblemException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The problems account rules answer with, worded once. */
public final class AccountProblems {

  private AccountProblems() {}

  public static ProblemException notFound(UUID id) {
    return ProblemException.notFound("no account " + id);
  }

  public static ProblemException notYourParent(UUID parent) {
    return ProblemException.forbidden(
        "parentId "
            + parent
            + ": a kam may attach an account only below an account it owns or is on the team of");
  }

  public static ProblemException notYours(UUID id) {
    return ProblemException.forbidden(
        "account " + id + ": a kam may change only accounts it owns or is on the team of");
  }

  public static ProblemException unknownParent(String field, Object parent) {
    return ProblemException.invalid(field, "no live account " + parent);
  }

  public static ProblemException cycle(List<UUID> chain) {
    String ids = chain.stream().map(UUID::toString).collect(Collectors.joining(" -> "));
    return new ProblemException(
        422,
        "Validation failed",
        "parentId: would create the cycle " + ids,
        List.of(new Problem.FieldError("parentId", "would create the cycle " + ids)),
        Map.of());
  }

  public static ProblemException hasChildren(UUID id, int children) {
    return ProblemException.conflict(
        "account "
            + id
            + " has "
            + children
            + " live child account(s); re-parent or delete them first");
  }

  public static ProblemException duplicateRef(ExternalRef ref) {
    return new ProblemException(
        409,
        "Conflict",
        "externalId: an account with source "
            + ref.source()
            + " and externalId "
            + ref.externalId()
            + " exists",
        List.of(new Problem.FieldError("externalId", "already used in source " + ref.source())),
        Map.of());
  }

  public static ProblemException halfRef() {
    return ProblemException.invalid(
        "externalId", "source and externalId are given together or not at all");
  }
}
