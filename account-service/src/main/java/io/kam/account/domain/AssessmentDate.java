package io.kam.account.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When the assessment was last set or confirmed ({@code assessedAt}), the input whose age tells a
 * reader how fresh the assessment is. Every write path (create, PUT, PATCH, sync) settles it here,
 * so they cannot disagree.
 */
public final class AssessmentDate {

  private AssessmentDate() {}

  /**
   * Why the date a client asked for is not acceptable (the message for field {@code assessedAt}),
   * or null when it is fine or none was asked for.
   */
  public static String problem(AccountData requested, LocalDate today) {
    LocalDate asked = requested.assessedAt();
    if (asked == null) {
      return null;
    }
    if (asked.isAfter(today)) {
      return "must not be in the future (today is " + today + ")";
    }
    if (requested.assessment().equals(Assessment.NONE)) {
      return "dates an assessment, and the account has none";
    }
    return null;
  }

  /**
   * The data to store: {@code requested} (its {@code assessedAt} as the client asked, null when it
   * did not) with the assessment date settled against {@code before} (null for a new account). No
   * assessment has no date; a date the client asked for wins (a partner knows when the KAM
   * assessed), unless it is merely the stored date echoed back while the assessment changes; a
   * changed assessment is dated today; otherwise the stored date stays. Check {@link #problem}
   * first.
   */
  public static AccountData settle(AccountData requested, AccountData before, LocalDate today) {
    LocalDate stored = before == null ? null : before.assessedAt();
    boolean changed = before == null || !before.assessment().equals(requested.assessment());
    LocalDate asked = requested.assessedAt();
    LocalDate date;
    if (requested.assessment().equals(Assessment.NONE)) {
      date = null;
    } else if (asked != null && !(changed && Objects.equals(asked, stored))) {
      date = asked;
    } else if (changed) {
      date = today;
    } else {
      date = stored;
    }
    return requested.withAssessedAt(date);
  }
}
