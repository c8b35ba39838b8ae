package org.careflow.yearend;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HandoverNoteRepository extends JpaRepository<HandoverNote, Long> {
  /** The note being written for the coming promotion (not promoted yet). */
  Optional<HandoverNote> findByChildIdAndPromotedAtIsNull(Long childId);

  List<HandoverNote> findByClassIdAndPromotedAtIsNull(Long classId);

  List<HandoverNote> findByChildIdInAndPromotedAtIsNotNullOrderByPromotedAtDesc(java.util.Collection<Long> childIds);
}
