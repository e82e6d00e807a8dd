package dev.realmctl.keycloak;

import dev.realmctl.plan.LiveState;
import java.util.Map;

/** What a plan is computed from, plus the ids the same reads revealed. */
public record Snapshot(LiveState state, Map<String, RealmIds> ids) {}
