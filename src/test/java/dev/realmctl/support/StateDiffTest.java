package dev.realmctl.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateDiffTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode state(String json, String realm) throws Exception {
    return RealmState.normalised(JSON.readTree(json.replace('\'', '"')), realm);
  }

  private static List<String> paths(JsonNode keycloak, JsonNode realmctl) {
    return StateDiff.between(keycloak, realmctl).stream().map(StateDiff.Difference::path).toList();
  }

  @Test
  void idsTheRealmNameOrderAndKeyMaterialAreNotDifferences() throws Exception {
    JsonNode a =
        state(
            "{'id':'1','realm':'ra','clients':[{'id':'x','clientId':'web','redirectUris':['b','a'],"
                + "'authenticationFlowBindingOverrides':{'browser':'f1'}},{'clientId':'api'}],"
                + "'authenticationFlows':[{'id':'f1','alias':'mine'}],"
                + "'roles':{'realm':[{'name':'default-roles-ra','containerId':'1'}]},"
                + "'components':{'org.keycloak.keys.KeyProvider':[{'name':'rsa','config':"
                + "{'privateKey':['k1'],'priority':['100']}}]}}",
            "ra");
    JsonNode b =
        state(
            "{'id':'2','realm':'rb','clients':[{'clientId':'api'},{'id':'y','clientId':'web',"
                + "'redirectUris':['a','b'],'authenticationFlowBindingOverrides':{'browser':'f2'}}],"
                + "'authenticationFlows':[{'id':'f2','alias':'mine'}],"
                + "'roles':{'realm':[{'name':'default-roles-rb','containerId':'2'}]},"
                + "'components':{'org.keycloak.keys.KeyProvider':[{'name':'rsa','config':"
                + "{'privateKey':['k2'],'priority':['100']}}]}}",
            "rb");
    assertEquals(List.of(), paths(a, b));
  }

  @Test
  void aDifferenceIsNamedByItsPath() throws Exception {
    JsonNode a =
        state(
            "{'realm':'ra','clients':[{'clientId':'web','redirectUris':['a'],'attributes':"
                + "{'pkce':'S256'}}],'authenticationFlows':[{'alias':'f','authenticationExecutions':"
                + "[{'authenticator':'otp','requirement':'REQUIRED'},{'flowAlias':'sub'}]}]}",
            "ra");
    JsonNode b =
        state(
            "{'realm':'rb','clients':[{'clientId':'web','redirectUris':['a','c'],'attributes':{}}],"
                + "'authenticationFlows':[{'alias':'f','authenticationExecutions':"
                + "[{'authenticator':'otp','requirement':'ALTERNATIVE'},{'flowAlias':'sub'}]}],"
                + "'smtpServer':{}}",
            "rb");
    assertEquals(
        List.of(
            "authenticationFlows[f].authenticationExecutions[otp].requirement",
            "clients[web].attributes.pkce",
            "clients[web].redirectUris",
            "smtpServer"),
        paths(a, b));
    assertEquals(
        "clients[web].attributes.pkce: Keycloak's import \"S256\", realmctl <absent>",
        StateDiff.between(a, b).get(1).toString());
  }

  @Test
  void entriesWithTheSameNameAreTold() throws Exception {
    JsonNode a = state("{'mappers':[{'name':'m','v':1},{'name':'m','v':2}]}", "realm-a");
    JsonNode b = state("{'mappers':[{'name':'m','v':3},{'name':'m','v':1}]}", "realm-b");
    assertEquals(List.of("mappers[m#2].v"), paths(a, b));
  }
}
