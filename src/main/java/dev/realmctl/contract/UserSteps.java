package dev.realmctl.contract;

import io.cucumber.java.en.Given;
import java.util.List;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Users changed or made in the console, outside the spec. */
public class UserSteps {
  private final World world;

  public UserSteps(World world) {
    this.world = world;
  }

  @Given("an administrator disables the user {string} in realm {string}")
  @Example("an administrator disables the user \"alice\" in realm \"testing\"")
  public void disable(String username, String realm) {
    var users = world.admin().realm(world.realm(realm)).users();
    UserRepresentation user = users.searchByUsername(username, true).get(0);
    user.setEnabled(false);
    users.get(user.getId()).update(user);
  }

  @Given(
      "an administrator creates the user {string} with password {string} and no email or names in realm {string}")
  @Example(
      "an administrator creates the user \"bob\" with password \"bobs-password\" and no email or"
          + " names in realm \"testing\"")
  public void createIncomplete(String username, String password, String realm) {
    create(realm, user(username, password));
  }

  @Given(
      "an administrator creates the user {string} with password {string}, a full profile and no roles in realm {string}")
  @Example(
      "an administrator creates the user \"carol\" with password \"carols-password\", a full"
          + " profile and no roles in realm \"testing\"")
  public void createWithoutRoles(String username, String password, String realm) {
    UserRepresentation user = user(username, password);
    user.setEmail(username + "@example.com");
    user.setEmailVerified(true);
    user.setFirstName(username);
    user.setLastName("Example");
    create(realm, user);
  }

  private void create(String realm, UserRepresentation user) {
    world.admin().realm(world.realm(realm)).users().create(user).close();
  }

  /** An enabled user with a permanent password, made in the console's way. */
  private static UserRepresentation user(String username, String password) {
    CredentialRepresentation credential = new CredentialRepresentation();
    credential.setType(CredentialRepresentation.PASSWORD);
    credential.setValue(password);
    credential.setTemporary(false);
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEnabled(true);
    user.setCredentials(List.of(credential));
    return user;
  }

  @Given("the access tokens of client {string} in realm {string} live {int} second(s)")
  @Example("the access tokens of client \"client-app\" in realm \"coolproject\" live 1 second")
  public void tokenLifespan(String clientId, String realm, int seconds) {
    var client = world.admin().client(world.realm(realm), clientId);
    var rep = client.toRepresentation();
    rep.getAttributes().put("access.token.lifespan", String.valueOf(seconds));
    client.update(rep);
  }
}
