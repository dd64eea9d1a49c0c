package io.kam.scoring.testdata;

import static io.kam.scoring.testdata.AccountEvent.anAccount;
import static io.kam.scoring.testdata.SnapshotEvent.aSnapshot;

import java.math.BigDecimal;

/**
 * Accounts whose score is set exactly: with nothing but NPS known, the default model's only present
 * criterion is satisfaction, LINEAR(-100, 100), so score = (nps + 100) / 2 (66.0 from nps 32).
 */
public final class Scenarios {

  private Scenarios() {}

  /** An account with no assessment, created on account-service's topic. */
  public static AccountEvent anUnassessedAccount() {
    return anAccount().assessment(null, null, null, null).create();
  }

  /** A snapshot that scores exactly {@code score} (0..100) for an unassessed account. */
  public static SnapshotEvent scoring(AccountEvent account, String score, long sequence) {
    String nps =
        new BigDecimal(score)
            .multiply(BigDecimal.valueOf(2))
            .subtract(BigDecimal.valueOf(100))
            .toPlainString();
    return aSnapshot(account.id()).npsT12m(nps).sequence(sequence);
  }
}
