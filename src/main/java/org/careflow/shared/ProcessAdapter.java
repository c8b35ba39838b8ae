package org.careflow.shared;

import java.util.Collection;
import java.util.List;

/**
 * What every adapter a process-owning module publishes has in common: the process (or processes) it
 * answers for. {@link CaseScopes} and {@link TaskSubjects} both extend it, so one bean may be both.
 */
public interface ProcessAdapter {

  String processKey();

  /** The processes this adapter answers for (one adapter may serve several, see CaseProcesses). */
  default Collection<String> processKeys() {
    return List.of(processKey());
  }
}
