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

  /**
   * For a report over these schools: the name of the term {@code termId}, each school's term of that name
   * being taken (a township's schools share their terms' names); null when no term is given. A term of a
   * school not among them, or none with that id, is refused as an invalid choice of the field "term".
   */
  default String nameOfTermIn(List<School> schools, Long termId) {
    if (termId == null) {
      return null;
    }
    Optional<Term> t = findById(termId);
    if (t.isEmpty() || schools.stream().noneMatch(s -> s.getId().equals(t.get().getSchool().getId()))) {
      throw org.careflow.shared.InvalidInputException.of("term", "validation.option");
    }
    return t.get().getName();
  }

  /** The first term that starts after the given day. */
  Optional<Term> findFirstBySchoolIdAndStartDateAfterOrderByStartDate(Long schoolId, LocalDate day);
}
