package io.kam.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kam.scoring.domain.calc.BreakdownItem;
import io.kam.scoring.domain.calc.ModelDraft;
import java.util.List;

/**
 * The JSON kept in text columns (breakdowns, designations in history, model definitions). Decimals
 * are read back as BigDecimal so a stored breakdown is exactly the computed one.
 */
public final class ScoreJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final TypeReference<List<BreakdownItem>> BREAKDOWN = new TypeReference<>() {};

  private ScoreJson() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serializable", e);
    }
  }

  public static List<BreakdownItem> breakdown(String json) {
    return read(json, BREAKDOWN);
  }

  public static ModelDraft model(String json) {
    return read(json, new TypeReference<ModelDraft>() {});
  }

  public static Designation designation(String json) {
    return json == null ? null : read(json, new TypeReference<Designation>() {});
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is unreadable", e);
    }
  }
}
