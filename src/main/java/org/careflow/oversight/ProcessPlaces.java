package org.careflow.oversight;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.careflow.shared.CaseScopes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where the open tasks of a process instance belong on the dashboard: the class, school and child that the
 * module owning the process says the instance is about ({@link CaseScopes}, the same answer that scopes the
 * engine's authorizations). Every process with a prefixed business key ({@code absence-<id>},
 * {@code referral-<id>}, {@code holiday-<id>}, {@code carer-<id>}, {@code classterm-<id>} …) is placed through
 * its owner's adapter, so its overdue tasks count for its school's supervisor.
 */
@Component
class ProcessPlaces {

  private final ObjectProvider<CaseScopes> scopes;
  private volatile Map<String, CaseScopes> byKey;

  /** Lazily: the adapters' modules use the engine, whose plugin {@link OpenWork} needs this bean. */
  ProcessPlaces(ObjectProvider<CaseScopes> scopes) {
    this.scopes = scopes;
  }

  /** The process key of a definition id ({@code key:version:id}). */
  static String processKeyOf(String definitionId) {
    if (definitionId == null) {
      return null;
    }
    int colon = definitionId.indexOf(':');
    return colon < 0 ? definitionId : definitionId.substring(0, colon);
  }

  /** The instance's class, school and child (class 0: the whole school), or empty when its owner knows none. */
  Optional<CaseScopes.Scope> placeOf(String definitionId, String businessKey) {
    if (businessKey == null) {
      return Optional.empty();
    }
    Map<String, CaseScopes> m = byKey;
    if (m == null) {
      m = new HashMap<>();
      for (CaseScopes s : scopes.orderedStream().toList()) {
        for (String key : s.processKeys()) {
          m.put(key, s);
        }
      }
      byKey = m;
    }
    CaseScopes s = m.get(processKeyOf(definitionId));
    return s == null ? Optional.empty() : s.scopeOf(businessKey);
  }
}
