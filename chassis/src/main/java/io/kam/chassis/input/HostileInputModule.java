package io.kam.chassis.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.kam.chassis.problem.InvalidInputException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;

/**
 * Checks every String and every date/time a request body carries, whatever record it belongs to: a
 * NUL or an unpaired surrogate, a string over {@link InputRules#MAX_STRING_LENGTH} or a year
 * outside 1..9999 or an array over {@link InputRules#MAX_ITEMS} items is an {@link
 * InvalidInputException} (a 400 naming the field) instead of a database error later. Wrapping
 * Jackson's own deserializers keeps their formats and coercions.
 */
public class HostileInputModule extends SimpleModule {

  public HostileInputModule() {
    super("kam-hostile-input");
    setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class || TemporalAccessor.class.isAssignableFrom(type)) {
              return new Checked(deserializer);
            }
            return deserializer;
          }

          @Override
          public JsonDeserializer<?> modifyCollectionDeserializer(
              DeserializationConfig config,
              CollectionType type,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return new Checked(deserializer);
          }

          @Override
          public JsonDeserializer<?> modifyArrayDeserializer(
              DeserializationConfig config,
              ArrayType type,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            return new Checked(deserializer);
          }
        });
  }

  /** Runs Jackson's deserializer, then the input rules on what it produced. */
  static final class Checked extends DelegatingDeserializer {

    private static final String TOO_MANY = "must have at most " + InputRules.MAX_ITEMS + " items";

    Checked(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
      return new Checked(newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return check(p, _delegatee.deserialize(p, ctxt));
    }

    private static Object check(JsonParser p, Object value) throws InvalidInputException {
      String reason;
      if (value instanceof String s) {
        reason = InputRules.checkText(s, InputRules.MAX_STRING_LENGTH);
      } else if (value instanceof Collection<?> c) {
        reason = c.size() > InputRules.MAX_ITEMS ? TOO_MANY : null;
      } else if (value != null && value.getClass().isArray()) {
        reason = Array.getLength(value) > InputRules.MAX_ITEMS ? TOO_MANY : null;
      } else {
        reason = InputRules.checkTemporal(value);
      }
      if (reason != null) {
        throw new InvalidInputException(p, reason);
      }
      return value;
    }
  }
}
