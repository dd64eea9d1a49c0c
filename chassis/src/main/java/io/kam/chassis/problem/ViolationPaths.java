package io.kam.chassis.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns Bean Validation paths ({@code create.request.items[0].amount}) into the field names a
 * client sent ({@code items[0].amount}); a violated query or path parameter keeps its name.
 */
final class ViolationPaths {

  private ViolationPaths() {}

  static List<Problem.FieldError> toFieldErrors(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .filter(v -> !isReturnValue(v.getPropertyPath()))
        .map(v -> new Problem.FieldError(fieldOf(v.getPropertyPath()), v.getMessage()))
        .sorted(
            Comparator.comparing(Problem.FieldError::field)
                .thenComparing(Problem.FieldError::message))
        .toList();
  }

  /** True when a violation is a value over its {@code @Size} maximum (maxLength, maxItems). */
  static boolean exceedsDocumentedBound(Set<? extends ConstraintViolation<?>> violations) {
    for (ConstraintViolation<?> v : violations) {
      if (!isReturnValue(v.getPropertyPath())
          && v.getConstraintDescriptor().getAnnotation() instanceof Size size
          && sizeOf(v.getInvalidValue()) > size.max()) {
        return true;
      }
    }
    return false;
  }

  private static long sizeOf(Object value) {
    if (value instanceof CharSequence text) {
      return text.length();
    } else if (value instanceof java.util.Collection<?> items) {
      return items.size();
    } else if (value instanceof java.util.Map<?, ?> entries) {
      return entries.size();
    } else if (value != null && value.getClass().isArray()) {
      return java.lang.reflect.Array.getLength(value);
    }
    return -1;
  }

  private static boolean isReturnValue(Path path) {
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  static String fieldOf(Path path) {
    StringBuilder sb = new StringBuilder();
    String parameter = null;
    for (Path.Node node : path) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE, BEAN -> {}
        case PARAMETER -> parameter = node.getName();
        default -> {
          if (node.getIndex() != null) {
            sb.append('[').append(node.getIndex()).append(']');
          } else if (node.getKey() != null) {
            sb.append('[').append(node.getKey()).append(']');
          }
          if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
            if (sb.length() > 0) {
              sb.append('.');
            }
            sb.append(node.getName());
          }
        }
      }
    }
    if (sb.length() == 0) {
      return parameter == null ? "body" : parameter;
    }
    return sb.toString();
  }
}
