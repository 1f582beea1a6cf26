package io.omendb.adapter;

import java.util.Optional;

/**
 * The roles authentication checks against: how pgwire's SCRAM and Avatica's HTTP authentication find a user's
 * verifier. The {@link Database} implements it over the roles persisted in the engine.
 */
@FunctionalInterface
public interface RoleDirectory {

  /** The role named {@code name}, or empty if there is none. */
  Optional<LoginRole> find(String name);
}
