package org.careflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages depend on each other only through their public types, and without cycles. */
class ModularityTest {

  @Test
  void theModulesKeepTheirBoundaries() {
    ApplicationModules.of(CareflowApplication.class).verify();
  }
}
