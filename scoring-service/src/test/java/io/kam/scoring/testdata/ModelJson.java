package io.kam.scoring.testdata;

/** Model bodies for POST /scoring-models. */
public final class ModelJson {

  private ModelJson() {}

  /** The default model's criteria with other thresholds (moves tiers, not scores). */
  public static String defaultWithThresholds(int key, int keyExit, int developing) {
    return withRevenueMax("10000000", key, keyExit, developing);
  }

  /** The default model with another upper bound of the revenue LOG normalization. */
  public static String withRevenueMax(String max, int key, int keyExit, int developing) {
    return "{\"criteria\":["
        + "{\"key\":\"revenue\",\"input\":\"t12mRevenue\",\"weight\":0.30,\"normalization\":{\"kind\":\"LOG\",\"min\":10000,\"max\":"
        + max
        + "}},"
        + "{\"key\":\"growth\",\"input\":\"t12mGrowth\",\"weight\":0.20,\"normalization\":{\"kind\":\"LINEAR\",\"min\":-0.2,\"max\":0.5}},"
        + "{\"key\":\"walletHeadroom\",\"input\":\"walletHeadroom\",\"weight\":0.10,\"normalization\":{\"kind\":\"LINEAR\",\"min\":0,\"max\":1}},"
        + "{\"key\":\"strategicAlignment\",\"input\":\"strategicAlignment\",\"weight\":0.15,\"normalization\":{\"kind\":\"LINEAR\",\"min\":1,\"max\":5}},"
        + "{\"key\":\"marketInfluence\",\"input\":\"marketInfluence\",\"weight\":0.10,\"normalization\":{\"kind\":\"LINEAR\",\"min\":1,\"max\":5}},"
        + "{\"key\":\"fit\",\"input\":\"fit\",\"weight\":0.05,\"normalization\":{\"kind\":\"LINEAR\",\"min\":1,\"max\":5}},"
        + "{\"key\":\"satisfaction\",\"input\":\"npsT12m\",\"weight\":0.10,\"normalization\":{\"kind\":\"LINEAR\",\"min\":-100,\"max\":100}}"
        + "],\"thresholds\":{\"key\":"
        + key
        + ",\"keyExit\":"
        + keyExit
        + ",\"developing\":"
        + developing
        + "}}";
  }
}
