package dev.realmctl.spec;

import java.util.List;

/** Every section a realm document may have beyond the realm's own fields: one line per kind. */
public final class Sections {
  public static final List<SpecSection<?>> ALL =
      List.of(
          ClientScopeSpec.SECTION,
          ClientSpec.SECTION,
          RoleSpec.SECTION,
          GroupSpec.SECTION,
          UserSpec.SECTION,
          ScopeMappingSpec.SECTION,
          IdentityProviderSpec.SECTION,
          IdentityProviderMapperSpec.SECTION,
          LocalizationTextsSpec.SECTION,
          RealmDefaultScopeSpec.DEFAULTS,
          RealmDefaultScopeSpec.OPTIONALS,
          RequiredActionSpec.SECTION,
          ComponentSpec.SECTION,
          AuthenticationFlowSpec.SECTION,
          AuthenticatorConfigSpec.SECTION,
          OrganizationSpec.SECTION,
          UserProfileSpec.SECTION,
          UserProfileSpec.COMPONENTS,
          AuthorizationSpec.SECTION,
          AdminPermissionSpec.SECTION);

  private Sections() {}
}
