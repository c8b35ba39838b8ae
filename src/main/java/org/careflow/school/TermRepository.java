package org.careflow.school;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TermRepository extends JpaRepository<Term, Long> {

  List<Term> findBySchoolIdOrderByStartDate(Long schoolId);

  Optional<Term> findBySchoolIdAndName(Long schoolId, String name);

  @Query("select t from Term t where t.school.id = ?1 and t.startDate <= ?2 and t.endDate >= ?2")
  Optional<Term> findContaining(Long schoolId, LocalDate day);

  List<Term> findByStartDateLessThanEqual(LocalDate day);

  List<Term> findBySchoolIdInAndStartDateLessThanEqual(java.util.Collection<Long> schoolIds, LocalDate day);

  /** The first term that starts after the given day. */
  Optional<Term> findFirstBySchoolIdAndStartDateAfterOrderByStartDate(Long schoolId, LocalDate day);
}
