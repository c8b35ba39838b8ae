package org.careflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The base of the tests that need the application: one Spring context for all of them (same
 * configuration, so it is built once), served on a random port, the real engine on an in-memory H2,
 * the job executor off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class CareflowTest {

  @Autowired
  protected ProcessEngine engine;

  @Autowired
  protected TestSchool school;

  @org.springframework.boot.test.web.server.LocalServerPort
  protected int port;

  protected WebSession browser() {
    return new WebSession(port);
  }

  @BeforeEach
  void initEngineAndSchool() {
    // the engine REST API and the webapps find the engine by name in a JVM-wide registry: make it this
    // context's (H2 or PostgreSQL, see OnPostgres), and put it back if another app in this JVM (a test
    // that starts and stops one) took the name away
    org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
    // the webapps look it up in the runtime container instead: the same there
    org.camunda.bpm.container.RuntimeContainerDelegate container = org.camunda.bpm.container.RuntimeContainerDelegate.INSTANCE.get();
    ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
    if (registered != engine) {
      if (registered != null) {
        container.unregisterProcessEngine(registered);
      }
      container.registerProcessEngine(engine);
    }
    // and the webapps keep JVM-wide delegates that an app stopping in this JVM sets to null (their
    // bootstraps' tear-down): put them back, as this context's own start-up made them
    if (org.camunda.bpm.tasklist.Tasklist.getRuntimeDelegate() == null) {
      org.camunda.bpm.tasklist.Tasklist.setTasklistRuntimeDelegate(new org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate());
    }
    if (org.camunda.bpm.cockpit.Cockpit.getRuntimeDelegate() == null) {
      org.camunda.bpm.cockpit.Cockpit.setCockpitRuntimeDelegate(new org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate());
    }
    if (org.camunda.bpm.admin.Admin.getRuntimeDelegate() == null) {
      org.camunda.bpm.admin.Admin.setAdminRuntimeDelegate(new org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate());
    }
    if (org.camunda.bpm.welcome.Welcome.getRuntimeDelegate() == null) {
      org.camunda.bpm.welcome.Welcome.setRuntimeDelegate(new org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate());
    }
    BpmnAwareTests.init(engine);
    school.ensure();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }
}
