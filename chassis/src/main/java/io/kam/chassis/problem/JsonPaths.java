package io.kam.chassis.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;

/** Names a place in a JSON body the way a client reads it: {@code items[2].amount}. */
final class JsonPaths {

  private JsonPaths() {}

  static String of(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }
}
