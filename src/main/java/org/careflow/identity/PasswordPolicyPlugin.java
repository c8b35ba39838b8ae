package org.careflow.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the engine enforce {@link PasswordRules} wherever it stores a new password: REST
 * {@code PUT /engine-rest/user/{id}/credentials} and {@code POST /engine-rest/user/create}, Camunda Admin (the
 * same REST resources under {@code /camunda/api/engine}) and {@code IdentityService.saveUser}. The REST doors
 * answer a refused password with a 400 in the user's language first (PasswordPolicyFilter); this is the
 * backstop for every other way.
 */
@Component
class PasswordPolicyPlugin extends AbstractProcessEnginePlugin {

  private final PasswordRules rules;

  PasswordPolicyPlugin(PasswordRules rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl config) {
    config.setEnablePasswordPolicy(true);
    config.setPasswordPolicy(new Policy(rules));
  }

  /** The rules under the placeholders Camunda Admin shows (its own names where it has one). */
  record Policy(PasswordRules rules) implements PasswordPolicy {
    @Override
    public List<PasswordPolicyRule> getRules() {
      return List.of(new EngineRule(rules, PasswordRules.Rule.LENGTH, "PASSWORD_POLICY_LENGTH",
              Map.of("minLength", String.valueOf(rules.minLength()))),
          new EngineRule(rules, PasswordRules.Rule.USER_NAME, "PASSWORD_POLICY_USER_DATA", Map.of()),
          new EngineRule(rules, PasswordRules.Rule.COMMON, "PASSWORD_POLICY_COMMON", Map.of()));
    }
  }

  record EngineRule(PasswordRules rules, PasswordRules.Rule rule, String placeholder, Map<String, String> parameters)
      implements PasswordPolicyRule {
    @Override
    public String getPlaceholder() {
      return placeholder;
    }

    @Override
    public Map<String, String> getParameters() {
      return parameters;
    }

    @Override
    public boolean execute(String password) {
      return !rules.broken(null, password).contains(rule);
    }

    @Override
    public boolean execute(String password, User user) {
      return !rules.broken(user == null ? null : user.getId(), password).contains(rule);
    }
  }
}
