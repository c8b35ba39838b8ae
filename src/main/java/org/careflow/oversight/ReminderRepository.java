package org.careflow.oversight;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReminderRepository extends JpaRepository<Reminder, Long> {

  boolean existsByTaskIdAndKind(String taskId, Reminder.Kind kind);

  List<Reminder> findByCaseIdOrderByRecordedAtDesc(Long caseId);

  List<Reminder> findByKindOrderByRecordedAtDesc(Reminder.Kind kind);
}
