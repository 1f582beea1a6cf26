package io.omendb.benchmarks.mvcc;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.Engine;
import io.omendb.engine.mvcc.TransactionManager;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Reaches the engine's package-private {@code VersionedStore} (primary-key directory lookup, newest-version read and
 * visibility check, no row decoding) so the read benchmark can split the cost of {@code Transaction.get} and
 * {@code Transaction.scan} without widening the engine's API for a benchmark. Reflection happens once, in
 * {@link #create}; the calls go through bound method handles.
 */
final class EngineProbe {
  private final MethodHandle visibleGet;
  private final MethodHandle scan;
  private final MethodHandle cursorNext;
  private final MethodHandle cursorKey;
  private final MethodHandle cursorRow;
  private final MethodHandle cursorClose;

  private EngineProbe(MethodHandle visibleGet, MethodHandle scan, MethodHandle cursorNext, MethodHandle cursorKey,
      MethodHandle cursorRow, MethodHandle cursorClose) {
    this.visibleGet = visibleGet;
    this.scan = scan;
    this.cursorNext = cursorNext;
    this.cursorKey = cursorKey;
    this.cursorRow = cursorRow;
    this.cursorClose = cursorClose;
  }

  /** Binds the probe to {@code engine}'s versioned store. */
  static EngineProbe create(Engine engine) {
    requireNonNull(engine, "engine");
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      Method versions = TransactionManager.class.getDeclaredMethod("versions");
      versions.setAccessible(true);
      Object store = versions.invoke(engine.transactions());
      Class<?> storeClass = versions.getReturnType();
      Method get = storeClass.getDeclaredMethod("get", byte[].class, long.class);
      get.setAccessible(true);
      Method scan = storeClass.getDeclaredMethod("scan", byte[].class, byte[].class, long.class);
      scan.setAccessible(true);
      Class<?> cursorClass = scan.getReturnType();
      MethodType toObject = MethodType.methodType(Object.class, byte[].class, byte[].class, long.class);
      return new EngineProbe(
          lookup.unreflect(get).bindTo(store),
          lookup.unreflect(scan).bindTo(store).asType(toObject),
          cursorMethod(lookup, cursorClass, "next", boolean.class),
          cursorMethod(lookup, cursorClass, "key", byte[].class),
          cursorMethod(lookup, cursorClass, "row", byte[].class),
          cursorMethod(lookup, cursorClass, "close", void.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("engine internals changed; update EngineProbe", e);
    }
  }

  private static MethodHandle cursorMethod(MethodHandles.Lookup lookup, Class<?> cursorClass, String name,
      Class<?> returnType) throws ReflectiveOperationException {
    Method method = cursorClass.getDeclaredMethod(name);
    method.setAccessible(true);
    return lookup.unreflect(method).asType(MethodType.methodType(returnType, Object.class));
  }

  /** {@code VersionedStore.get}: directory lookup, one data-space get, visibility check, copy of the row bytes. */
  byte[] visibleGet(byte[] rowKey, long snapshotTs) {
    try {
      return (byte[]) visibleGet.invokeExact(rowKey, snapshotTs);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** A {@code VersionedStore.VersionCursor} over {@code [from, to)} at {@code snapshotTs}; close it. */
  Object scan(byte[] from, byte[] to, long snapshotTs) {
    try {
      return (Object) scan.invokeExact(from, to, snapshotTs);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  boolean next(Object cursor) {
    try {
      return (boolean) cursorNext.invokeExact(cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  byte[] key(Object cursor) {
    try {
      return (byte[]) cursorKey.invokeExact(cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  byte[] row(Object cursor) {
    try {
      return (byte[]) cursorRow.invokeExact(cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  void close(Object cursor) {
    try {
      cursorClose.invokeExact(cursor);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }
}
