package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The account type from value (normalized {@code revenue}) and potential (mean of the present
 * normalized {@code growth}, {@code walletHeadroom}, {@code strategicAlignment}). Criteria are
 * found by key, so a custom model takes part as long as it keeps these keys.
 */
public final class AccountTypeRule {

  public static final String VALUE_KEY = "revenue";
  public static final List<String> POTENTIAL_KEYS =
      List.of("growth", "walletHeadroom", "strategicAlignment");

  private static final BigDecimal HALF = new BigDecimal("0.5");

  private AccountTypeRule() {}

  /**
   * @param normalizedByKey normalized value per criterion key; absent keys and null values are
   *     missing criteria
   */
  public static AccountType classify(Map<String, BigDecimal> normalizedByKey) {
    BigDecimal value = normalizedByKey.get(VALUE_KEY);
    boolean highValue = value != null && value.compareTo(HALF) >= 0;
    return typeOf(highValue, highPotential(normalizedByKey));
  }

  private static boolean highPotential(Map<String, BigDecimal> normalizedByKey) {
    List<BigDecimal> present =
        POTENTIAL_KEYS.stream().map(normalizedByKey::get).filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return false; // potential 0
    }
    // "Compared unrounded": mean >= 0.5 is tested as sum >= 0.5 x count, exactly, because a
    // 16-digit division could round a mean just below 0.5 up to 0.5.
    BigDecimal sum = present.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.compareTo(HALF.multiply(BigDecimal.valueOf(present.size()))) >= 0;
  }

  private static AccountType typeOf(boolean highValue, boolean highPotential) {
    if (highValue) {
      return highPotential ? AccountType.STRATEGIC : AccountType.STABLE;
    }
    return highPotential ? AccountType.HIGH_GROWTH : AccountType.TACTICAL;
  }
}
