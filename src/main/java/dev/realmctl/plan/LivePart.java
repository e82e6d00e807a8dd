package dev.realmctl.plan;

/**
 * A kind's share of a live realm, read by that kind's edge and planned by its planner: the key
 * under which {@link LiveRealm} keeps it, and what it is when nothing was read.
 */
public record LivePart<T>(String name, T empty) {}
