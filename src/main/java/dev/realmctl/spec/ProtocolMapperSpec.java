package dev.realmctl.spec;

import java.util.Map;

public record ProtocolMapperSpec(String name, Map<String, Object> fields, Origin origin) {}
