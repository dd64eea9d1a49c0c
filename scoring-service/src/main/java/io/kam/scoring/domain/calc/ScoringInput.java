package io.kam.scoring.domain.calc;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values a criterion of a scoring model may read. Models are stored and exchanged by {@link
 * #jsonName()}, never by the constant's name, so the constants can be renamed without breaking
 * stored models or clients.
 */
public enum ScoringInput {
  T12M_REVENUE("t12mRevenue", ScoreInputs::t12mRevenue),
  T12M_GROWTH("t12mGrowth", ScoreInputs::t12mGrowth),
  LAST3M_GROWTH("last3mGrowth", ScoreInputs::last3mGrowth),
  // The room left in the wallet; unknown when the wallet is (kpi-service publishes a null
  // shareOfWallet when the potential spend is unknown or 0), never "all headroom".
  WALLET_HEADROOM(
      "walletHeadroom",
      in -> in.shareOfWallet() == null ? null : BigDecimal.ONE.subtract(in.shareOfWallet())),
  SHARE_OF_WALLET("shareOfWallet", ScoreInputs::shareOfWallet),
  STRATEGIC_ALIGNMENT("strategicAlignment", in -> decimal(in.strategicAlignment())),
  MARKET_INFLUENCE("marketInfluence", in -> decimal(in.marketInfluence())),
  FIT("fit", in -> decimal(in.fit())),
  PARTNERSHIP("partnership", in -> decimal(in.partnership())),
  NPS_T12M("npsT12m", ScoreInputs::npsT12m),
  CSAT_T12M("csatT12m", ScoreInputs::csatT12m),
  CROSS_SELL_COUNT("crossSellCount", in -> decimal(in.crossSellCount()));

  private final String jsonName;
  private final Function<ScoreInputs, BigDecimal> reader;

  ScoringInput(String jsonName, Function<ScoreInputs, BigDecimal> reader) {
    this.jsonName = jsonName;
    this.reader = reader;
  }

  /** The stable name used in JSON and in stored models, e.g. {@code t12mRevenue}. */
  public String jsonName() {
    return jsonName;
  }

  /** This input's value in {@code inputs}; empty when it is unknown. */
  public Optional<BigDecimal> read(ScoreInputs inputs) {
    return Optional.ofNullable(reader.apply(inputs));
  }

  /** The input with this JSON name (case-sensitive, as JSON is); empty for unknown names. */
  public static Optional<ScoringInput> fromJsonName(String name) {
    return Arrays.stream(values()).filter(i -> i.jsonName.equals(name)).findFirst();
  }

  /** All JSON names, comma-separated in declaration order, for validation messages. */
  public static String jsonNames() {
    return Arrays.stream(values()).map(ScoringInput::jsonName).collect(Collectors.joining(", "));
  }

  private static BigDecimal decimal(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value.longValue());
  }
}
