package dev.realmctl.keycloak;

import dev.realmctl.plan.LiveState;
import java.time.Instant;
import java.util.Map;

/**
 * What a plan is computed from, plus the ids the same reads revealed, and when the reads began:
 * what Keycloak's admin events record after that moment happened since the plan saw it.
 */
public record Snapshot(LiveState state, Map<String, RealmIds> ids, Instant readAt) {}
