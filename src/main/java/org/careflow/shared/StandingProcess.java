package org.careflow.shared;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process that runs once for each of something (a class, a school) under the business key
 * {@code <prefix><id>} ({@link BusinessKey#prefixed}): started for a new one, and at boot for each that has
 * none yet. The class activities ({@code class-<id>}), a class's term papers ({@code classterm-<id>}) and a
 * school's term archive ({@code termarchive-<id>}) are such processes; their modules keep the process key,
 * the prefix and the switch that turns the start at boot off (the tests start their own).
 */
public final class StandingProcess {

  private static final Logger log = LoggerFactory.getLogger(StandingProcess.class);

  private final RuntimeService runtime;
  private final String processKey;
  private final String prefix;

  public StandingProcess(RuntimeService runtime, String processKey, String prefix) {
    this.runtime = runtime;
    this.processKey = processKey;
    this.prefix = prefix;
  }

  /** Starts the process for this id unless it runs; whether it started one. */
  public boolean ensureFor(long id) {
    String key = BusinessKey.prefixed(prefix, id);
    if (runtime.createProcessInstanceQuery().processDefinitionKey(processKey).processInstanceBusinessKey(key).count() > 0) {
      return false;
    }
    runtime.startProcessInstanceByKey(processKey, key);
    return true;
  }

  /**
   * At boot: the process for every id that has none. One that cannot start (a broken model, a class
   * without a school calendar) is logged with {@code what} (e.g. "the term papers of class") and its id,
   * and the others still start.
   */
  public void ensureForEach(Iterable<Long> ids, String what) {
    for (long id : ids) {
      try {
        ensureFor(id);
      } catch (RuntimeException e) {
        log.warn("{} {} could not start: {}", what, id, e.toString());
      }
    }
  }
}
