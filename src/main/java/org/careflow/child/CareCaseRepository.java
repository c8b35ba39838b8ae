package org.careflow.child;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CareCaseRepository extends JpaRepository<CareCase, Long> {

  List<CareCase> findByChildIdOrderByOpenedAtDesc(Long childId);

  @Query("select c from CareCase c join fetch c.child ch where ch.schoolClass.id = ?1 and c.status in ?2 order by ch.name")
  List<CareCase> findByClassAndStatusIn(Long classId, Collection<CaseStatus> statuses);

  @Query("select c.mentor, count(c) from CareCase c where c.status = org.careflow.child.CaseStatus.ACTIVE and c.mentor is not null group by c.mentor")
  List<Object[]> countActiveByMentor();

  @Query("select c.id from CareCase c join c.child ch where c.status in ?1 and (?2 is null or ch.schoolClass.id = ?2)"
      + " and (?3 is null or ch.name like ?3)")
  List<Long> findOpenIds(Collection<CaseStatus> statuses, Long classId, String nameLike);

  List<CareCase> findByMentorAndStatusIn(String mentor, Collection<CaseStatus> statuses);

  long countByTermIdAndStatusIn(Long termId, Collection<CaseStatus> statuses);

  long countByTermId(Long termId);

  long countByStatusIn(Collection<CaseStatus> statuses);

  /** Every case's facts ({@link CaseFactsChanged}'s fields in order, status as the enum), one row each. */
  @Query("select c.id, ch.id, cl.id, cl.school.id, c.status, c.openedAt, ch.registeredAt, c.closedAt, c.closeReason"
      + " from CareCase c join c.child ch join ch.schoolClass cl")
  List<Object[]> allFacts();
}
