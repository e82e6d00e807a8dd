package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.ResourceId;
import java.util.Map;

/**
 * A change bound to its kind's writer, with its id checked once against the type that writer takes.
 * A planner that puts the wrong id in a kind's changes fails here, naming both types, before
 * anything is written, rather than with a cast deep in a writer.
 */
record TypedChange<I extends ResourceId>(ChangeWriter<I> writer, I id, Change change) {

  static TypedChange<?> of(Map<Kind, ChangeWriter<?>> writers, Change change) {
    ChangeWriter<?> writer = writers.get(change.id().kind());
    if (writer == null) {
      throw new IllegalStateException(
          "no writer is registered for " + change.id().kind() + " (" + change.address() + ")");
    }
    return bind(writer, change);
  }

  private static <I extends ResourceId> TypedChange<I> bind(ChangeWriter<I> writer, Change change) {
    if (!writer.idType().isInstance(change.id())) {
      throw new IllegalStateException(
          change.id().kind()
              + " change "
              + change.address()
              + " has a "
              + change.id().getClass().getName()
              + " id, but the "
              + change.id().kind()
              + " writer takes "
              + writer.idType().getName());
    }
    return new TypedChange<>(writer, writer.idType().cast(change.id()), change);
  }

  void write(Target target) {
    switch (change.action()) {
      case CREATE -> writer.create(id, change, target);
      case UPDATE -> writer.update(id, change, target);
      case DELETE -> writer.delete(id, change, target);
    }
  }

  boolean exists(Target target) {
    return writer.exists(id, change, target);
  }
}
