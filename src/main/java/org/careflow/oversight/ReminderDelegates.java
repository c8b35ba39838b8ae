package org.careflow.oversight;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The BPMN's reminder and escalation service tasks: thin, each calls {@link Reminders}. */
@Configuration
class ReminderDelegates {

  @Bean
  JavaDelegate taskReminder(Reminders reminders) {
    return (DelegateExecution execution) -> reminders.remind(execution);
  }

  @Bean
  JavaDelegate taskEscalation(Reminders reminders) {
    return (DelegateExecution execution) -> reminders.escalate(execution);
  }
}
