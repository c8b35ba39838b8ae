package org.careflow.child;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ArchiveChangeRepository extends JpaRepository<ArchiveChange, Long> {
  List<ArchiveChange> findByChildIdOrderByChangedAtDescIdDesc(Long childId);
}
