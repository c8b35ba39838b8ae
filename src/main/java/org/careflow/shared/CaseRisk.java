package org.careflow.shared;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A case's current risk level and reasons, and whether an individual support plan runs: for the
 * child's page and the inbox's badges. Implemented by the module that owns the risk rules.
 */
public interface CaseRisk {

  /** The newest assessment of each case that has one; one query for a page. */
  Map<Long, Risk> current(Collection<Long> caseIds);

  /** {@code level} LOW, MEDIUM or HIGH; {@code reasons} are codes from the `risk-level` decision. */
  record Risk(String level, List<String> reasons, Instant assessedAt, boolean planRunning) {
    public boolean flagged() {
      return !"LOW".equals(level);
    }
  }
}
