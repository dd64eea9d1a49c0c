package io.kam.chassis.input;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * The request JSON rules of every service: unknown fields are refused (a typo such as {@code
 * contry} is a 400 naming it, never silently dropped) and text and dates pass the input rules.
 * Events are read by their own mapper ({@code EventJson}), which stays lenient.
 */
@Singleton
public class JsonInputCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.registerModule(new HostileInputModule());
  }
}
