package dev.realmctl.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

public record ClientScopeSpec(
    String name,
    Map<String, Object> fields,
    Optional<List<ProtocolMapperSpec>> protocolMappers,
    Origin origin) {}
