package org.careflow.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskCommentRepository extends JpaRepository<TaskComment, Long> {
  List<TaskComment> findByTaskIdOrderByWrittenAtAscIdAsc(String taskId);
}
