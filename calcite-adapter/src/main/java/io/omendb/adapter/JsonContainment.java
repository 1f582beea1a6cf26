package io.omendb.adapter;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** PostgreSQL's jsonb containment ({@code @>}) over parsed values, as the jsonb documentation defines it. */
final class JsonContainment {
  private JsonContainment() {}

  /**
   * Whether {@code container} contains {@code contained}: an object every member of the other (recursively), an
   * array every element of the other somewhere among its own, a scalar an equal scalar; at the top level an array
   * also contains a scalar among its elements.
   */
  static boolean contains(JsonText.Node container, JsonText.Node contained) {
    if (container.kind() == JsonText.Kind.ARRAY && isScalar(contained)) {
      return container.elements().stream().anyMatch(e -> within(e, contained));
    }
    return within(container, contained);
  }

  private static boolean within(JsonText.Node container, JsonText.Node contained) {
    if (container.kind() != contained.kind()) {
      return false;
    }
    switch (container.kind()) {
      case OBJECT -> {
        Map<String, JsonText.Node> fields = container.fields();
        for (Map.Entry<String, JsonText.Node> member : contained.fields().entrySet()) {
          JsonText.Node value = fields.get(member.getKey());
          if (value == null || !within(value, member.getValue())) {
            return false;
          }
        }
        return true;
      }
      case ARRAY -> {
        List<JsonText.Node> elements = container.elements();
        for (JsonText.Node wanted : contained.elements()) {
          if (elements.stream().noneMatch(e -> within(e, wanted))) {
            return false;
          }
        }
        return true;
      }
      case NUMBER -> {
        return new BigDecimal(container.scalar()).compareTo(new BigDecimal(contained.scalar())) == 0;
      }
      case NULL -> {
        return true;
      }
      default -> {
        return container.scalar().equals(contained.scalar());
      }
    }
  }

  private static boolean isScalar(JsonText.Node node) {
    return node.kind() != JsonText.Kind.ARRAY && node.kind() != JsonText.Kind.OBJECT;
  }
}
