package io.omendb.pg.message;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The parameters of a described prepared statement.
 *
 * @param parameterTypes each parameter's type OID, in order
 */
public record ParameterDescription(List<Integer> parameterTypes) implements BackendMessage {
  public ParameterDescription {
    parameterTypes = List.copyOf(requireNonNull(parameterTypes, "parameterTypes"));
  }
}
