package dev.realmctl.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.realmctl.local.LocalCluster;
import dev.realmctl.support.Cli;
import dev.realmctl.support.ClusterSpecs;
import dev.realmctl.support.Specs;
import dev.realmctl.support.TestCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Node A killed (kill -9) in the middle of an apply through it: realmctl exits 1 saying what was
 * done and what was not; the same apply through node B converges with nothing lost or duplicated.
 */
class ClusterNodeKillIT {
  private static final int USERS = 150;
  private static final int KILL_AT_USERS = 40;

  @Test
  void applyCutShortByANodeKillConvergesThroughTheOtherNode() throws Exception {
    LocalCluster.Node nodeA = TestCluster.get().node(0);
    try {
      killAndConverge(nodeA, TestCluster.nodeB());
    } finally {
      if (!nodeA.server().isAlive()) {
        ClusterSpecs.figure("node A restarted in " + nodeA.start().toMillis() + " ms");
      }
    }
  }

  private static void killAndConverge(LocalCluster.Node nodeA, String nodeB) throws Exception {
    String realm = Specs.uniqueName("nodekill");
    Path file = ClusterSpecs.write(realm, spec(realm));
    var envA = TestCluster.environment(nodeA.url());
    var envB = TestCluster.environment(nodeB);

    // A short retry budget: the point is to see the failure, not to wait for a node that is gone.
    CompletableFuture<Cli.Run> apply =
        CompletableFuture.supplyAsync(
            () -> Cli.run(envA, "apply", file.toString(), "--retry-for", "2"));
    try (var admin = TestCluster.admin(nodeB)) {
      while (usersSeen(admin, realm) < KILL_AT_USERS) {
        assertFalse(apply.isDone(), "apply finished before the kill: " + apply.getNow(null));
        Thread.sleep(100);
      }
    }
    nodeA.kill();
    long killedAt = System.nanoTime();
    Cli.Run cut = apply.get(3, TimeUnit.MINUTES);
    long failedAfter = (System.nanoTime() - killedAt) / 1_000_000;
    List<String> done =
        matches(
            cut.err(), "(?m)^  done:     create " + Pattern.quote(realm) + ": users/([^/\\s]+)$");
    Matcher stopped =
        Pattern.compile("Apply stopped after (\\d+) of (\\d+) changes").matcher(cut.err());

    assertEquals(1, cut.exitCode(), cut.err());
    assertTrue(stopped.find(), cut.err());
    assertEquals(
        Integer.parseInt(stopped.group(2)),
        matches(cut.err(), "(?m)^  (?:done|not done):\\s+(.*)$").size(),
        "every change is reported done or not done");

    long rerunStarted = System.nanoTime();
    var rerun = Cli.run(envB, "apply", file.toString());
    long rerunMillis = (System.nanoTime() - rerunStarted) / 1_000_000;
    assertEquals(0, rerun.exitCode(), rerun.err());
    var plan = Cli.run(envB, "plan", file.toString(), "--detailed-exitcode");
    assertEquals(0, plan.exitCode(), "converged: " + plan.out());

    try (var admin = TestCluster.admin(nodeB)) {
      var users = admin.realm(realm).users();
      List<String> missing =
          done.stream().filter(u -> users.searchByUsername(u, true).isEmpty()).toList();
      assertEquals(List.of(), missing, "every user reported created is there");
      var all = users.list(0, 10 * USERS);
      assertEquals(USERS, all.size(), "no user lost or duplicated");
      assertEquals(USERS, all.stream().map(u -> u.getUsername()).distinct().count());
      assertEquals(1, admin.realm(realm).clients().findByClientId("shop").size());
    }
    ClusterSpecs.figure(
        "node A killed once node B saw "
            + KILL_AT_USERS
            + " users: realmctl exited "
            + cut.exitCode()
            + " "
            + failedAfter
            + " ms after the kill, reporting "
            + stopped.group(1)
            + " of "
            + stopped.group(2)
            + " changes done ("
            + done.size()
            + " user creates) and the rest not done; the same apply through node B took "
            + rerunMillis
            + " ms and converged: "
            + USERS
            + " users, every reported one present, none duplicated");
  }

  private static int usersSeen(org.keycloak.admin.client.Keycloak admin, String realm) {
    try {
      return admin.realm(realm).users().count();
    } catch (RuntimeException notYet) {
      return 0;
    }
  }

  private static List<String> matches(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static String spec(String realm) {
    return Specs.shopWithMembers(realm, ClusterSpecs.secret(), USERS);
  }
}
