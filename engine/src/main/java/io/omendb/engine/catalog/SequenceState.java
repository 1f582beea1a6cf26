package io.omendb.engine.catalog;

/**
 * A sequence's position, as {@code SELECT last_value, is_called FROM s} shows it.
 *
 * @param lastValue the value last handed out, or (not called) the value the next {@code nextval} returns
 * @param isCalled whether {@code lastValue} has been handed out
 */
public record SequenceState(long lastValue, boolean isCalled) {}
