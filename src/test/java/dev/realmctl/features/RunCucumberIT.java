package dev.realmctl.features;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The contract suite: every feature under features/, with the step library `realmctl test` ships,
 * in the same run as the other tests ({@link ProjectContract} points it at the test Keycloak).
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(
    key = GLUE_PROPERTY_NAME,
    value = "dev.realmctl.contract,dev.realmctl.features")
@ConfigurationParameter(
    key = PLUGIN_PROPERTY_NAME,
    value = "summary, html:target/cucumber/report.html, junit:target/cucumber/report.xml")
public class RunCucumberIT {}
