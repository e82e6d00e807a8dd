package dev.realmctl.spec;

/**
 * A kind of element a realm spec declares: how errors name it, and which of Keycloak's
 * representations (a class name under {@code org.keycloak.representations.idm}) holds its fields. A
 * new kind declares its own constant in its own file.
 */
public record SpecKind(String label, String representation) {
  public static final SpecKind REALM = new SpecKind("realm", "RealmRepresentation");
  public static final SpecKind CLIENT_SCOPE =
      new SpecKind("client scope", "ClientScopeRepresentation");
  public static final SpecKind CLIENT = new SpecKind("client", "ClientRepresentation");
  public static final SpecKind PROTOCOL_MAPPER =
      new SpecKind("protocol mapper", "ProtocolMapperRepresentation");
  public static final SpecKind ROLE = new SpecKind("role", "RoleRepresentation");
  public static final SpecKind GROUP = new SpecKind("group", "GroupRepresentation");
  public static final SpecKind USER = new SpecKind("user", "UserRepresentation");
  public static final SpecKind CREDENTIAL = new SpecKind("credential", "CredentialRepresentation");
}
