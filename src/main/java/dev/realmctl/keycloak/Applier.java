package dev.realmctl.keycloak;

import dev.realmctl.plan.Change;
import dev.realmctl.plan.Kind;
import dev.realmctl.plan.Plan;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Executes a plan, change by change, in the plan's order; nothing else is decided here. On a
 * failure it stops and says what was done and what was not: planning again picks up from there.
 */
public final class Applier {
  private static final Map<Kind, ChangeWriter> WRITERS = new EnumMap<>(Kind.class);

  static {
    WRITERS.put(Kind.REALM, new RealmWriter());
    WRITERS.put(Kind.CLIENT_SCOPE, new ClientScopeWriter());
    WRITERS.put(Kind.CLIENT, new ClientWriter());
    WRITERS.put(Kind.ROLE, new RoleWriter());
    WRITERS.put(Kind.PROTOCOL_MAPPER, new ProtocolMapperWriter());
    WRITERS.put(Kind.SCOPE_LINK, new ScopeLinkWriter());
    WRITERS.put(Kind.GROUP, new GroupWriter());
    WRITERS.put(Kind.USER, new UserWriter());
    WRITERS.put(Kind.ROLE_MAPPING, new RoleMappingWriter());
    WRITERS.put(Kind.MEMBERSHIP, new MembershipWriter());
  }

  private final Target target;

  public Applier(Connection connection, Snapshot snapshot) {
    this.target = new Target(connection, snapshot.ids());
  }

  public record Result(List<Change> done, List<Change> notDone) {}

  /** Thrown when a change fails; carries what was applied before it. */
  public static final class Failure extends RuntimeException {
    private final transient Result result;
    private final transient Change failed;

    Failure(Change failed, Result result, RuntimeException cause) {
      super(failed.action().verb() + " " + failed.address() + " failed: " + describe(cause), cause);
      this.failed = failed;
      this.result = result;
    }

    public Result result() {
      return result;
    }

    public Change failed() {
      return failed;
    }
  }

  public Result apply(Plan plan, Consumer<Change> onDone) {
    List<Change> done = new ArrayList<>();
    List<Change> changes = plan.changes();
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      try {
        ChangeWriter writer = WRITERS.get(change.id().kind());
        switch (change.action()) {
          case CREATE -> writer.create(change, target);
          case UPDATE -> writer.update(change, target);
          case DELETE -> writer.delete(change, target);
        }
      } catch (RuntimeException e) {
        throw new Failure(
            change, new Result(List.copyOf(done), changes.subList(i, changes.size())), e);
      }
      done.add(change);
      onDone.accept(change);
    }
    return new Result(done, List.of());
  }

  /** Keycloak's own error text, which names the field it refused, when it sent one. */
  static String describe(RuntimeException e) {
    if (e instanceof WebApplicationException web && web.getResponse() != null) {
      String body = "";
      try {
        body = web.getResponse().readEntity(String.class);
      } catch (RuntimeException ignored) {
        // The body was consumed already or the connection is gone: the status is all there is.
      }
      return "HTTP " + web.getResponse().getStatus() + (body.isBlank() ? "" : " " + body);
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
