package dev.realmctl.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a step reads in a feature: at least one line per expression of the step, each of which the
 * expression matches (StepGlossaryTest checks it). `realmctl test --steps` and docs/steps.md show
 * them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Example {
  String[] value();
}
