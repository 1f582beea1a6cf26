package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The views a session is expanding while it converts a query to a plan, outermost first. A table scanned inside a
 * view's query is read through that chain of views: as in PostgreSQL, the session user needs SELECT on the outermost
 * view, each view's owner needs SELECT on the next view, and the innermost view's owner needs SELECT on the table
 * ({@link SessionAccess#checkReadThroughViews}). While CREATE VIEW prepares its query, the relations the query reads
 * directly are recorded as the view's dependencies.
 */
final class ViewExpansion {
  /** A view in a chain: its id (its ACL's key) and its name (for messages and EXPLAIN). */
  record Ref(int id, String name) {
    Ref {
      requireNonNull(name, "name");
    }
  }

  private final Deque<Ref> expanding = new ArrayDeque<>();
  private Set<Integer> recorded;

  /** The views being expanded, outermost first; empty outside any view. */
  List<Ref> chain() {
    return List.copyOf(expanding);
  }

  /** Whether {@code viewId} is being expanded already (a view that reads itself). */
  boolean expanding(int viewId) {
    return expanding.stream().anyMatch(ref -> ref.id() == viewId);
  }

  void enter(Ref view) {
    expanding.addLast(requireNonNull(view, "view"));
  }

  void exit() {
    expanding.removeLast();
  }

  /** Notes that the query being converted reads the table or view {@code relationId}. */
  void reads(int relationId) {
    if (recorded != null && expanding.isEmpty()) {
      recorded.add(relationId);
    }
  }

  /** Starts recording the relations read outside any view; {@link #stopRecording} returns them. */
  void startRecording() {
    recorded = new LinkedHashSet<>();
  }

  /** The ids of the relations read since {@link #startRecording}, in the order first read. */
  List<Integer> stopRecording() {
    List<Integer> ids = recorded == null ? List.of() : List.copyOf(recorded);
    recorded = null;
    return ids;
  }

  /** Forgets any expansion left by a conversion that failed half-way. */
  void reset() {
    expanding.clear();
    recorded = null;
  }
}
