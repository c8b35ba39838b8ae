package org.careflow.holiday;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.careflow.DemoSchoolApp;
import org.careflow.school.Holiday;
import org.careflow.school.HolidayRepository;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo school as shipped: its calendar has a holiday ahead, and moving the engine's clock to the week
 * before it (and into its middle) and running the due jobs gives the class teachers and the mentors their
 * holiday tasks.
 */
class DemoHolidayCareTest {

  @Test
  void theDemosNextHolidayGivesItsTasksWhenTheClockMoves() {
    ConfigurableApplicationContext app = DemoSchoolApp.get().app;
    try {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      ZoneId zone = ZoneId.of("Asia/Shanghai");
      LocalDate today = LocalDate.now(zone);
      Holiday next = app.getBean(HolidayRepository.class).findAll().stream().filter(h -> h.getStartDate().isAfter(today))
          .min(java.util.Comparator.comparing(Holiday::getStartDate)).orElseThrow(() -> new AssertionError("the demo has no holiday ahead"));
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(HolidayCares.PROCESS_KEY).count()).isPositive();

      runJobsBy(engine.getManagementService(), next.getStartDate().minusDays(7).atTime(9, 0).atZone(zone).toInstant());
      List<Task> letters = engine.getTaskService().createTaskQuery().processDefinitionKey(HolidayCares.PROCESS_KEY)
          .taskDefinitionKey("holidaySafetyLetter").list();
      assertThat(letters).extracting(Task::getAssignee).contains("teacher", "teacher2");
      if (HolidayCalendar.festivalOf(next).isPresent()) {
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(HolidayCares.PROCESS_KEY)
            .taskDefinitionKey("springFestivalMeeting").count()).isGreaterThanOrEqualTo(2);
      }
      if (HolidayCalendar.isLong(next)) {
        runJobsBy(engine.getManagementService(), HolidayCalendar.middle(next).atTime(9, 0).atZone(zone).toInstant());
        assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(HolidayCares.PROCESS_KEY)
            .taskDefinitionKey("holidayMenteeContact").list()).extracting(Task::getAssignee).contains("mentor");
      }
    } finally {
      ClockUtil.reset();
    }
  }

  private static void runJobsBy(ManagementService management, java.time.Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    for (int i = 0; i < 20_000; i++) {
      List<Job> due = management.createJobQuery().executable().processDefinitionKey(HolidayCares.PROCESS_KEY)
          .orderByJobDuedate().asc().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
    throw new AssertionError("timers keep falling due");
  }
}
